package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.application.BackupManager;
import dev.backman.domain.error.BackupFailed;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.StoredObject;
import dev.backman.domain.port.WriteSummary;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup proves its archive reads back before publishing it: archives (tar and zip) are decoded while they are
 * written, not read back from storage.
 */
class ArchiveCheckedWhileWrittenTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));

    private BackupConfig config(Path source, CompressionType type) {
        return BackupConfig.defaults().withSourcePaths(List.of(source))
                .withBackupLocation(dir.resolve("backups").toString()).withCompressionType(type);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void anArchiveDamagedOnItsWayToStorageFailsTheBackupAndIsNotPublished(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        byte[] random = new byte[300_000]; // stays as large compressed, so the damaged byte lands in its data
        new Random(7).nextBytes(random);
        Files.write(source.resolve("large.bin"), random);
        ArchiveCodec damaging = new DamagingCodec(new CommonsCompressArchiveCodec(), 150_000);
        try (BackupManager manager = Managers.onDisk(config(source, type), clock, damaging, ProgressListener.NONE)) {
            assertThatThrownBy(() -> manager.createBackup("damaged")).isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("did not read back as written");
            assertThat(manager.getBackupStatus("damaged").orElseThrow().status()).isEqualTo(BackupStatus.FAILED);
        }
        assertThat(regularFilesBelow(dir.resolve("backups/archives"))).isEmpty();
        assertThat(regularFilesBelow(dir.resolve("backups/tmp"))).isEmpty();
        assertThat(dir.resolve("backups/manifests/damaged.json")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void aBackupIsNotReadAgainFromStorage(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        CountingStorage[] counting = new CountingStorage[1];
        try (BackupManager manager = Managers.onDisk(config(source, type), clock,
                new CommonsCompressArchiveCodec(), ProgressListener.NONE, real -> counting[0] = new CountingStorage(real))) {
            assertThat(manager.createBackup("once").status()).isEqualTo(BackupStatus.COMPLETED);
        }
        assertThat(counting[0].opens.keySet()).noneMatch(key -> key.startsWith("archives/"));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_ZST", "ZIP"})
    void storedFilesTheArchiveHoldsInAnotherOrderStillMatch(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        // the first file read from disk is written last
        ArchiveCodec reordering = new RewritingCodec(new CommonsCompressArchiveCodec(), Rewrite.DEFER_FIRST_FILE);
        try (BackupManager manager = Managers.onDisk(config(source, type), clock, reordering, ProgressListener.NONE)) {
            assertThat(manager.createBackup("reordered").status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(manager.restoreBackup("reordered", dir.resolve("restored"))).isTrue();
        }
        TreeFixture.assertSameTree(source, dir.resolve("restored/project"));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_ZST", "ZIP"})
    void aStoredFileTheArchiveHoldsUnderAnotherNameFailsTheBackup(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        ArchiveCodec renaming = new RewritingCodec(new CommonsCompressArchiveCodec(), Rewrite.RENAME_README);
        try (BackupManager manager = Managers.onDisk(config(source, type), clock, renaming, ProgressListener.NONE)) {
            assertThatThrownBy(() -> manager.createBackup("renamed")).isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("did not read back as written")
                    .hasMessageContaining("project/README.md: missing from the archive");
            assertThat(manager.getBackupStatus("renamed").orElseThrow().status()).isEqualTo(BackupStatus.FAILED);
        }
        assertThat(regularFilesBelow(dir.resolve("backups/archives"))).isEmpty();
    }

    @Test
    void anArchiveWhoseWriterGaveNoCrc32cIsReadBackFromStorageAndItsDamageFailsTheBackup() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        Files.write(source.resolve("large.bin"), random);
        CountingStorage[] counting = new CountingStorage[1];
        try (BackupManager manager = Managers.onDisk(config(source, CompressionType.TAR_ZST), clock,
                new WithoutCrc32c(new CommonsCompressArchiveCodec()), ProgressListener.NONE,
                real -> counting[0] = new CountingStorage(real))) {
            assertThat(manager.createBackup("read-back").status()).isEqualTo(BackupStatus.COMPLETED);
        }
        assertThat(counting[0].opens).containsKey("archives/read-back.tar.zst");

        ArchiveCodec damaging = new WithoutCrc32c(new DamagingCodec(new CommonsCompressArchiveCodec(), 150_000));
        BackupConfig fresh = config(source, CompressionType.TAR_ZST)
                .withBackupLocation(dir.resolve("other-backups").toString()); // a full backup again
        try (BackupManager manager = Managers.onDisk(fresh, clock, damaging, ProgressListener.NONE)) {
            assertThatThrownBy(() -> manager.createBackup("damaged")).isInstanceOf(BackupFailed.class)
                    .hasMessageContaining("did not read back as written");
        }
        assertThat(dir.resolve("other-backups/manifests/damaged.json")).doesNotExist();
        assertThat(regularFilesBelow(dir.resolve("other-backups/archives"))).isEmpty();
    }

    private static List<Path> regularFilesBelow(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** A test codec that changes how archives are written and reads them with the real codec. */
    private interface ReadingAsItIs extends ArchiveCodec {
        ArchiveCodec real();

        @Override
        default ArchiveReader newReader(CompressionType type, StoredObject archive) throws IOException {
            return real().newReader(type, archive);
        }

        @Override
        default ArchiveReader newStreamReader(CompressionType type, String key, InputStream in) throws IOException {
            return real().newStreamReader(type, key, in);
        }
    }

    /** A codec whose output has one byte flipped, like a bug or bad memory between the codec and the disk. */
    private record DamagingCodec(ArchiveCodec real, long offset) implements ReadingAsItIs {
        @Override
        public ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException {
            return real.newWriter(type, new FilterOutputStream(out) {
                private long position;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
                    if (offset >= position && offset < position + len) {
                        copy[(int) (offset - position)] ^= 0x5A;
                    }
                    position += len;
                    out.write(copy, 0, len);
                }

                @Override
                public void close() {
                    // the caller's stream stays open
                }
            });
        }
    }

    /** A codec whose writer reports no CRC-32C values, as a host's own codec may: its archives are read back. */
    private record WithoutCrc32c(ArchiveCodec real) implements ReadingAsItIs {
        @Override
        public ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException {
            return new ForwardingWriter(real.newWriter(type, out)) {
                @Override
                public WriteSummary finish() throws IOException {
                    WriteSummary summary = writer.finish();
                    return new WriteSummary(summary.sha256ByPath(), summary.changedWhileRead());
                }
            };
        }
    }

    /** A writer that hands everything to another; the test codecs change what they need of it. */
    private static class ForwardingWriter implements ArchiveWriter {
        final ArchiveWriter writer;

        ForwardingWriter(ArchiveWriter writer) {
            this.writer = writer;
        }

        @Override
        public void addDirectory(FileEntry entry) throws IOException {
            writer.addDirectory(entry);
        }

        @Override
        public void addSymlink(FileEntry entry) throws IOException {
            writer.addSymlink(entry);
        }

        @Override
        public void addFile(FileEntry entry, Path source) throws IOException {
            writer.addFile(entry, source);
        }

        @Override
        public void addFile(FileEntry entry, InputStream content) throws IOException {
            writer.addFile(entry, content);
        }

        @Override
        public void addDuplicate(FileEntry entry, FileEntry original) throws IOException {
            writer.addDuplicate(entry, original);
        }

        @Override
        public WriteSummary finish() throws IOException {
            return writer.finish();
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    private enum Rewrite { DEFER_FIRST_FILE, RENAME_README }

    /** A codec whose writer stores the files otherwise than asked, like a bug between the planner and the archive. */
    private record RewritingCodec(ArchiveCodec real, Rewrite rewrite) implements ReadingAsItIs {
        @Override
        public ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException {
            return new ForwardingWriter(real.newWriter(type, out)) {
                private FileEntry deferredEntry;
                private Path deferredSource;

                @Override
                public void addFile(FileEntry entry, Path source) throws IOException {
                    if (rewrite == Rewrite.DEFER_FIRST_FILE && deferredEntry == null) {
                        deferredEntry = entry;
                        deferredSource = source;
                    } else {
                        writer.addFile(renamed(entry), source);
                    }
                }

                @Override
                public void addFile(FileEntry entry, InputStream content) throws IOException {
                    writer.addFile(renamed(entry), content);
                }

                @Override
                public WriteSummary finish() throws IOException {
                    if (deferredEntry != null) {
                        writer.addFile(deferredEntry, deferredSource);
                    }
                    return writer.finish();
                }

                private FileEntry renamed(FileEntry entry) {
                    if (rewrite != Rewrite.RENAME_README || !entry.path().endsWith("/README.md")) {
                        return entry;
                    }
                    return new FileEntry(entry.path() + ".old", entry.type(), entry.size(), entry.mode(), entry.mtime(),
                            entry.sha256(), entry.linkTarget(), entry.storedIn(), entry.fileKey());
                }
            };
        }
    }
}
