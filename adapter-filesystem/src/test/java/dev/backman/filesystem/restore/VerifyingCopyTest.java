package dev.backman.filesystem.restore;

import static dev.backman.filesystem.restore.RestoreFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.FileEntry;
import dev.backman.filesystem.restore.RestoreFixtures.RepeatingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyingCopyTest {
    @TempDir
    Path tmp;

    @Test
    void anEntryThatInflatesBeyondItsRecordedSizeNeverGetsMoreThanThatSizeWritten() throws IOException {
        FileEntry entry = file("r/bomb", "a".repeat(1000));
        Path written = Files.createFile(tmp.resolve("bomb.tmp"));

        assertThatThrownBy(() -> copy(new RepeatingInputStream(1L << 40), written, entry))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("size differs (expected 1000 bytes, got more)");
        assertThat(Files.size(written)).isEqualTo(1000);
    }

    @Test
    void aNegativeRecordedSizeIsAMismatchNotAnEndlessRead() throws IOException {
        FileEntry recorded = file("r/x", "abc");
        FileEntry entry = new FileEntry(recorded.path(), recorded.type(), -5, 0644, recorded.mtime(),
                recorded.sha256(), null, "b1");
        Path written = Files.createFile(tmp.resolve("x.tmp"));

        assertThatThrownBy(() -> copy(new RepeatingInputStream(1L << 40), written, entry))
                .isInstanceOf(IntegrityViolation.class)
                .hasMessageContaining("size differs");
        assertThat(Files.size(written)).isZero();
    }

    /** Through a file opened the way the restore writer opens its temporary. */
    private static void copy(InputStream content, Path file, FileEntry entry) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            VerifyingCopy.write(content, out, entry, "b1", new byte[VerifyingCopy.MAX_BUFFER]);
        }
    }
}
