package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.SourceScanner;
import dev.backman.filesystem.scan.FileSystemSourceScanner;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sources that misbehave under a backup, on real files through the embedding API: files that vanish, grow, shrink or
 * become unreadable between the scan and the read, unreadable entries, special files, symlink loops, and a source
 * root that is itself a link. The backup completes, reports what it left out, and restores exactly what it recorded.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SourceFaultsTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T02:00:00Z"));
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CompressionType.class, names = {"ZIP", "TAR_ZST"})
    void aFileDeletedBetweenScanAndReadIsSkippedAndTheBackupCompletes(CompressionType type) throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Path readme = source.resolve("README.md");
        Path duplicate = source.resolve("main/java/Copy.java"); // hashed ahead of the archive: a second path

        BackupMetadata backup = backUp(type, source, () -> {
            Files.delete(readme);
            Files.delete(duplicate);
        });

        TreeFixture.setTimes(source); // the deletions moved directory mtimes after the scan had read them
        assertThat(backup.status()).isEqualTo(BackupStatus.COMPLETED);
        assertThat(backup.skippedFiles()).extracting(SkippedFile::path, SkippedFile::reason).containsExactlyInAnyOrder(
                Tuple.tuple(readme.toString(), "vanished before it could be read"),
                Tuple.tuple(duplicate.toString(), "vanished before it could be read"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains(readme.toString()));
        assertThat(entries(backup)).extracting(FileEntry::path)
                .doesNotContain("project/README.md", "project/main/java/Copy.java")
                .contains("project/main/java/App.java");
        assertVerifiesAndRestoresAs(backup, source);
    }

    @Test
    void filesThatGrowOrShrinkWhileReadAreStoredAsTheBytesReadWhoseHashIsRecorded() throws Exception {
        Path source = TreeFixture.tricky(dir, "project");
        Path growing = source.resolve("README.md");
        Path shrinking = TreeFixture.write(source.resolve("logs/app.log"), "line of log\n".repeat(20_000));
        byte[] before = Files.readAllBytes(growing);
        byte[] shrunk = Arrays.copyOf(Files.readAllBytes(shrinking), 5_000);

        BackupMetadata backup = backUp(CompressionType.TAR_ZST, source, () -> {
            Files.writeString(growing, "appended after the scan\n", java.nio.file.StandardOpenOption.APPEND);
            Files.write(shrinking, shrunk);
        });

        byte[] expectedGrown = Arrays.copyOf(Files.readAllBytes(growing), before.length); // cut at the scanned size
        byte[] expectedShrunk = Arrays.copyOf(shrunk, 240_000); // padded with zeros to the scanned size
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("project/README.md").contains("changed"))
                .anySatisfy(w -> assertThat(w).contains("project/logs/app.log").contains("changed"));
        Map<String, FileEntry> byPath = byPath(entries(backup));
        assertThat(byPath.get("project/README.md").sha256()).isEqualTo(sha256(expectedGrown));
        assertThat(byPath.get("project/logs/app.log").sha256()).isEqualTo(sha256(expectedShrunk));
        try (BackupManager manager = manager(CompressionType.TAR_ZST, new FileSystemSourceScanner())) {
            assertThat(manager.verify(List.of(backup.backupId())).allIntact()).isTrue();
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(backup.backupId(), target));
            assertThat(target.resolve("project/README.md")).hasBinaryContent(expectedGrown);
            assertThat(target.resolve("project/logs/app.log")).hasBinaryContent(expectedShrunk);

            BackupMetadata next = manager.createBackup("after");
            Path again = dir.resolve("restored-after");
            manager.restore(RestoreRequest.of(next.backupId(), again));
            assertThat(TreeSnapshot.of(again.resolve("project"))).as("the next backup reads both again")
                    .isEqualTo(TreeSnapshot.of(source));
        }
    }

    @Test
    void unreadableFilesAndDirectoriesAreSkippedAsPermissionDenied() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Path lockedFile = TreeFixture.write(source.resolve("private.txt"), "mine\n");
        Path lockedDir = Files.createDirectories(source.resolve("vault"));
        TreeFixture.write(lockedDir.resolve("inside.txt"), "hidden\n");
        Path lockedLater = source.resolve("secret.key");
        TreeFixture.setTimes(source);
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(lockedFile), "running as root, who can read every file");

            BackupMetadata backup = backUp(CompressionType.ZIP, source, () ->
                    Files.setPosixFilePermissions(lockedLater, PosixFilePermissions.fromString("---------")));

            assertThat(backup.status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(backup.skippedFiles()).extracting(SkippedFile::path, SkippedFile::reason)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(lockedFile.toString(), "permission denied"),
                            Tuple.tuple(lockedDir.toString(), "permission denied"),
                            Tuple.tuple(lockedLater.toString(), "permission denied"));
            Files.setPosixFilePermissions(lockedLater, PosixFilePermissions.fromString("rw-------"));
            Files.delete(lockedLater);
            Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("rw-------"));
            Files.delete(lockedFile);
            Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("rwx------"));
            Files.delete(lockedDir.resolve("inside.txt"));
            Files.delete(lockedDir);
            TreeFixture.setTimes(source); // deleting moved the root's mtime; the backup saw the fixture's
            assertVerifiesAndRestoresAs(backup, source);
        } finally {
            for (Path p : List.of(lockedFile, lockedDir, lockedLater)) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    @Test
    void fifosSocketsAndDevicesAreSkippedWithTheirKind() throws Exception {
        Path source = TreeFixture.tricky(dir, "project");
        Path fifo = source.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        Path socket = source.resolve("s.sock");
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "no /dev/null");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            // never setTimes over a FIFO: setting its mtime opens it, which blocks until a writer comes
            java.nio.file.attribute.FileTime rootTime = Files.getLastModifiedTime(source);

            BackupMetadata backup = backUp(CompressionType.TAR, List.of(source, device), () -> { });

            assertThat(backup.status()).isEqualTo(BackupStatus.COMPLETED);
            assertThat(backup.skippedFiles()).extracting(SkippedFile::path, SkippedFile::reason)
                    .containsExactlyInAnyOrder(
                            Tuple.tuple(fifo.toString(), "special file (fifo)"),
                            Tuple.tuple(socket.toString(), "special file (socket)"),
                            Tuple.tuple(device.toString(), "special file (character device)"));
            Files.delete(fifo);
            Files.delete(socket);
            Files.setLastModifiedTime(source, rootTime);
            assertVerifiesAndRestoresAs(backup, source);
        }
    }

    @Test
    void symlinkLoopsAreRecordedAsLinksAndNeverFollowed() throws IOException {
        Path source = TreeFixture.tricky(dir, "project");
        Files.createSymbolicLink(source.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(source.resolve("b"), Path.of("a"));
        Files.createSymbolicLink(source.resolve("self"), Path.of("self"));
        Files.createSymbolicLink(source.resolve("main/java/up"), Path.of(".."));
        Files.createSymbolicLink(source.resolve("main/java/here"), Path.of("."));
        Path loopRoot = Files.createSymbolicLink(dir.resolve("loop-root"), Path.of("loop-root"));
        TreeFixture.setTimes(source);

        BackupMetadata backup = backUp(CompressionType.TAR_GZ, List.of(source, loopRoot), () -> { });

        assertThat(backup.status()).isEqualTo(BackupStatus.COMPLETED);
        Map<String, FileEntry> byPath = byPath(entries(backup));
        assertThat(byPath.get("project/a").type()).isEqualTo(EntryType.SYMLINK);
        assertThat(byPath.get("project/a").linkTarget()).isEqualTo("b");
        assertThat(byPath.get("project/self").linkTarget()).isEqualTo("self");
        assertThat(byPath.get("project/main/java/up").linkTarget()).isEqualTo("..");
        assertThat(byPath.keySet()).noneMatch(p -> p.startsWith("project/main/java/up/"));
        assertThat(backup.skippedFiles()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo(loopRoot.toString());
            assertThat(s.reason()).contains("Too many levels of symbolic links");
        });
        assertVerifiesAndRestoresAs(backup, source);
    }

    @Test
    void aSourceRootThatIsASymlinkIsFollowedAndBackedUpUnderTheLinksName() throws IOException {
        Path project = TreeFixture.tricky(dir, "project");
        Path current = Files.createSymbolicLink(dir.resolve("current"), project);

        BackupMetadata backup = backUp(CompressionType.ZIP, List.of(current), () -> { });

        assertThat(backup.sourcePaths()).containsExactly(current.toString());
        assertThat(backup.totalFiles()).isEqualTo(10);
        assertThat(entries(backup)).extracting(FileEntry::path).contains("current", "current/README.md")
                .allMatch(p -> p.equals("current") || p.startsWith("current/"));
        try (BackupManager manager = manager(CompressionType.ZIP, new FileSystemSourceScanner())) {
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(backup.backupId(), target));
            assertThat(Files.isSymbolicLink(target.resolve("current"))).as("restored as a directory").isFalse();
            assertThat(TreeSnapshot.of(target.resolve("current"))).isEqualTo(TreeSnapshot.of(project));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CompressionType.class, names = {"ZIP", "TAR_ZST"})
    void namesWhoseBytesAreNotUtf8AreReadThroughTheirOwnBytes(CompressionType type) throws Exception {
        Path source = Files.createDirectories(dir.resolve("project"));
        Files.writeString(source.resolve("plain.txt"), "plain");
        // raw byte 0xFF in a file's name and in a directory's above a file: no Java string names them on disk
        Process shell = new ProcessBuilder("sh", "-c", "printf abc > \"$(printf 'bad\\377name')\""
                + " && mkdir \"$(printf 'dir\\377')\" && printf xyz > \"$(printf 'dir\\377')/inner.txt\"")
                .directory(source.toFile()).redirectErrorStream(true).start();
        assertThat(shell.waitFor()).isZero();

        BackupMetadata backup = backUp(type, source, () -> { });

        assertThat(backup.status()).isEqualTo(BackupStatus.COMPLETED);
        assertThat(backup.skippedFiles()).isEmpty();
        assertThat(entries(backup)).filteredOn(FileEntry::isFile).hasSize(3)
                .extracting(FileEntry::sha256).containsExactlyInAnyOrder(
                        sha256("abc".getBytes(StandardCharsets.UTF_8)), sha256("xyz".getBytes(StandardCharsets.UTF_8)),
                        sha256("plain".getBytes(StandardCharsets.UTF_8)));
        try (BackupManager manager = manager(type, new FileSystemSourceScanner())) {
            assertThat(manager.verify(List.of(backup.backupId())).allIntact()).isTrue();
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(backup.backupId(), target));
            // under the names they decode to: U+FFFD for the byte that is not UTF-8
            assertThat(target.resolve("project/bad\uFFFDname")).hasContent("abc");
            assertThat(target.resolve("project/dir\uFFFD/inner.txt")).hasContent("xyz");
        }
    }

    /** What a test does to the source between the scan and the archive. */
    private interface Meddling {
        void run() throws Exception;
    }

    private BackupMetadata backUp(CompressionType type, Path source, Meddling meddling) throws IOException {
        return backUp(type, List.of(source), meddling);
    }

    private BackupMetadata backUp(CompressionType type, List<Path> sources, Meddling meddling) throws IOException {
        SourceScanner real = new FileSystemSourceScanner();
        SourceScanner meddled = (roots, rules) -> {
            ScanResult scan = real.scan(roots, rules);
            try {
                meddling.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return scan;
        };
        try (BackupManager manager = manager(type, meddled, sources)) {
            return manager.createBackup("b1");
        }
    }

    private void assertVerifiesAndRestoresAs(BackupMetadata backup, Path source) throws IOException {
        try (BackupManager manager = manager(backup.compressionType(), new FileSystemSourceScanner())) {
            assertThat(manager.verify(List.of(backup.backupId())).allIntact()).isTrue();
            Path target = dir.resolve("restored");
            manager.restore(RestoreRequest.of(backup.backupId(), target));
            assertThat(TreeSnapshot.of(target.resolve(source.getFileName().toString())))
                    .isEqualTo(TreeSnapshot.of(source));
        }
    }

    private List<FileEntry> entries(BackupMetadata backup) {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(dir.resolve("backups/catalog.db"))) {
            return catalog.files(backup.backupId());
        }
    }

    private static Map<String, FileEntry> byPath(List<FileEntry> entries) {
        Map<String, FileEntry> map = new java.util.HashMap<>();
        entries.forEach(e -> map.put(e.path(), e));
        return map;
    }

    private BackupManager manager(CompressionType type, SourceScanner scanner) {
        return manager(type, scanner, List.of(dir.resolve("project")));
    }

    private BackupManager manager(CompressionType type, SourceScanner scanner, List<Path> sources) {
        Path repo = dir.resolve("backups");
        BackupConfig config = BackupConfig.defaults().withSourcePaths(sources).withBackupLocation(repo.toString())
                .withCompressionType(type);
        return Managers.local(config, clock)
                .scanner(scanner)
                .listener(new ProgressListener() {
                    @Override
                    public void onWarning(String message) {
                        warnings.add(message);
                    }
                })
                .build();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
