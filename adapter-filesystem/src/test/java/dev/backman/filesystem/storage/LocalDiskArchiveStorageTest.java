package dev.backman.filesystem.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.backman.domain.contract.ArchiveStorageContract;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDiskArchiveStorageTest extends ArchiveStorageContract {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("repo");
    }

    @Override
    protected ArchiveStorage newStorage() {
        return new LocalDiskArchiveStorage(root());
    }

    @Override
    protected long temporaryObjectCount(ArchiveStorage storage) throws IOException {
        Path tmp = root().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }

    @Test
    void objectsAreFilesBelowTheRoot() throws IOException {
        storage.put("archives/b1.zip", "zip bytes".getBytes(UTF_8));

        assertThat(root().resolve("archives/b1.zip")).hasContent("zip bytes");
        assertThat(storage.location()).isEqualTo(root().toAbsolutePath().toString());
    }

    @Test
    void stagedBytesLiveInTheTemporaryDirectoryUntilCommit() throws IOException {
        try (StagedObject staged = storage.stage("archives/b1.zip")) {
            staged.output().write(new byte[10]);
            assertThat(temporaryObjectCount(storage)).isEqualTo(1);
            assertThat(root().resolve("archives/b1.zip")).doesNotExist();

            staged.commit();
        }
        assertThat(temporaryObjectCount(storage)).isZero();
        assertThat(root().resolve("archives/b1.zip")).hasSize(10);
    }

    @Test
    void removeLeftoversDeletesFilesOfDeadWriters() throws IOException {
        Path tmp = Files.createDirectories(root().resolve("tmp/nested"));
        Files.write(tmp.resolve("b1.zip.123.part"), new byte[5]);
        Files.write(root().resolve("tmp/b2.zip.456.part"), new byte[5]);
        storage.put("archives/b0.zip", new byte[1]);

        storage.removeLeftovers();

        assertThat(temporaryObjectCount(storage)).isZero();
        assertThat(storage.list("")).containsExactly(new ObjectInfo("archives/b0.zip", 1));
    }

    @Test
    void readsOnAMissingRootDoNotCreateIt() {
        assertThat(storage.find("backman.repo.json")).isEmpty();
        assertThat(storage.list("")).isEmpty();
        assertThat(storage.list("archives/")).isEmpty();
        storage.delete("archives/b1.zip");
        storage.removeLeftovers();

        assertThat(root()).doesNotExist();
    }

    @Test
    void closingTheOutputStreamStillAllowsCommit() throws IOException {
        try (StagedObject staged = storage.stage("archives/b1.tar")) {
            OutputStream out = staged.output();
            out.write("tar".getBytes(UTF_8));
            out.close(); // archive libraries close the stream they were given
            assertThat(staged.commit()).isEqualTo(3);
            out.close(); // and may close it again after commit
        }
        assertThat(read("archives/b1.tar")).isEqualTo("tar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside", "archives/../../outside", "archives//b1.zip",
            "archives/./b1.zip", "archives/", "a\\b", "tmp/b1.zip.part", "tmp"})
    void unsafeOrReservedKeysAreRejected(String key) {
        assertThatThrownBy(() -> storage.stage(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.find(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void prefixesThatLeaveTheRootAreRejected() {
        assertThatThrownBy(() -> storage.list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.list("/etc/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listingTheTemporaryAreaShowsNothing() throws IOException {
        try (StagedObject staged = storage.stage("archives/b1.zip")) {
            staged.output().write(1);
            staged.output().flush();
            assertThat(storage.list("tmp/")).isEmpty();
            assertThat(storage.list("t")).isEmpty();
        }
    }

    @Test
    void rootBelowARegularFileFailsWithAClearMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        ArchiveStorage blocked = new LocalDiskArchiveStorage(file.resolve("repo"));

        assertThatThrownBy(() -> blocked.put("archives/b1.zip", new byte[1]))
                .isInstanceOf(StorageFailure.class)
                .hasMessageContaining(file.resolve("repo").toString())
                .hasMessageContaining("cannot write archives/b1.zip")
                .hasMessageContainingAll("Not a directory");
    }

    @Test
    void readOnlyRootFailsWithPermissionDenied() throws IOException {
        Path readOnly = Files.createDirectories(root());
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(readOnly)).as("permissions are enforced (not running as root)").isFalse();

            assertThatExceptionOfType(StorageFailure.class)
                    .isThrownBy(() -> storage.put("archives/b1.zip", new byte[1]))
                    .withMessageContaining("permission denied")
                    .withMessageContaining("check the owner and permissions")
                    .satisfies(failure -> assertThat(failure.retryable()).isFalse());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
