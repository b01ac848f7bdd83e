package dev.backman.filesystem.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.backman.domain.error.StorageFailure;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk, simulated with /dev/full (every write fails with ENOSPC), must reach the user as such. */
class DiskFullTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    @Test
    void writingToAFullDiskSaysNoSpaceLeftOnDevice() throws IOException {
        assumeThat(Files.isWritable(DEV_FULL)).as("/dev/full exists").isTrue();
        // a link, so that discarding the staged object deletes the link and never the device
        Path temp = Files.createSymbolicLink(dir.resolve("b1.zip.part"), DEV_FULL);
        StorageFailures failures = new StorageFailures("/srv/backups");

        try (LocalStagedObject staged = LocalStagedObject.open("archives/b1.zip", temp, dir.resolve("b1.zip"),
                failures)) {
            assertThatThrownBy(() -> staged.output().write(new byte[LocalStagedObject.WRITE_BUFFER * 2]))
                    .isInstanceOf(StorageFailure.class)
                    .hasMessageStartingWith("storage /srv/backups: cannot write archives/b1.zip: ")
                    .hasMessageContaining("No space left on device")
                    .hasMessageContaining("free some space");
        }
        assertThat(temp).doesNotExist();
        assertThat(DEV_FULL).exists();
        assertThat(dir.resolve("b1.zip")).doesNotExist();
    }

    @Test
    void fileSystemErrorsNameTheFileAndTheReason() {
        String message = StorageFailures.describe(
                new FileSystemException("/srv/backups/tmp/x.part", null, "No space left on device"));

        assertThat(message).isEqualTo(
                "/srv/backups/tmp/x.part: No space left on device (free some space or choose another backup_location)");
    }
}
