package dev.backman.filesystem.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.SkippedFile;
import dev.backman.domain.model.SourceRoot;
import dev.backman.domain.port.ScanResult;
import dev.backman.domain.port.ScanRules;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class FileSystemSourceScannerTest {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemSourceScannerTest.class);
    private static final ScanRules NO_RULES = new ScanRules(List.of(), false, 0);

    @TempDir
    Path tmp;

    private final FileSystemSourceScanner scanner = new FileSystemSourceScanner();

    @Test
    void listsParentsBeforeChildrenAndSiblingsInStringOrder() throws IOException {
        Path root = dir("proj");
        file(root.resolve("b/z.txt"));
        file(root.resolve("a.txt"));
        file(root.resolve("B.txt"));
        file(root.resolve("a/y/deep.txt"));
        file(root.resolve("a/x.txt"));
        Files.createDirectories(root.resolve("empty"));

        assertThat(paths(scan(NO_RULES, root))).containsExactly(
                "proj", "proj/B.txt", "proj/a", "proj/a/x.txt", "proj/a/y", "proj/a/y/deep.txt", "proj/a.txt",
                "proj/b", "proj/b/z.txt", "proj/empty");
    }

    @Test
    void eachScanThreadHasANameOfItsOwn() throws IOException {
        Path root = dir("proj");
        for (int d = 0; d < 16; d++) {
            for (int f = 0; f < 8; f++) {
                file(root.resolve("d" + d + "/f" + f));
            }
        }
        Map<Thread, String> names = new ConcurrentHashMap<>();
        scanner.scan(SourceRoot.nameAll(List.of(root)), NO_RULES, size -> {
            names.put(Thread.currentThread(), Thread.currentThread().getName());
            try {
                Thread.sleep(2); // long enough for the other worker to take directories meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(names).hasSizeGreaterThan(1);
        assertThat(names.values()).allMatch(name -> name.matches("backman-scan-\\d+")).doesNotHaveDuplicates();
    }

    @Test
    void aNameWhoseBytesAreNotUtf8IsScannedWithItsOwnBytes() throws Exception {
        Path root = dir("proj");
        file(root.resolve("plain.txt"));
        // the shell writes the raw byte 0xFF, which no Java string can name through the default encoding; a listing
        // that decoded names and encoded them again would look for another file and find it vanished
        // (a file inside a directory so named must be found through that directory's own bytes too)
        Process shell = new ProcessBuilder("sh", "-c", "printf abc > \"$(printf 'bad\\377name')\""
                + " && mkdir \"$(printf 'dir\\377')\" && printf xyz > \"$(printf 'dir\\377')/inner.txt\"")
                .directory(root.toFile()).redirectErrorStream(true).start();
        assertThat(shell.waitFor()).isZero();

        ScanResult result = scan(NO_RULES, root);

        assertThat(result.skipped()).isEmpty();
        assertThat(result.entries()).hasSize(5);
        ScannedEntry odd = result.entries().stream().filter(e -> e.archivePath().startsWith("proj/bad"))
                .findFirst().orElseThrow();
        assertThat(odd.type()).isEqualTo(EntryType.FILE);
        assertThat(odd.size()).isEqualTo(3);
        assertThat(Files.readString(odd.source())).isEqualTo("abc");
        ScannedEntry inner = result.entries().stream().filter(e -> e.archivePath().endsWith("/inner.txt"))
                .findFirst().orElseThrow();
        assertThat(Files.readString(inner.source())).isEqualTo("xyz");
        ScannedEntry plain = result.entries().stream().filter(e -> e.archivePath().equals("proj/plain.txt"))
                .findFirst().orElseThrow();
        assertThat(plain.source()).isEqualTo(root.resolve("plain.txt"));
    }

    @Test
    void reportsTypeSizeModeMtimeAndSourcePath() throws IOException {
        Path root = dir("proj");
        Path file = root.resolve("data.bin");
        Files.write(file, new byte[1234]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Instant mtime = Instant.parse("2024-05-06T07:08:09.123Z");
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));

        ScanResult result = scan(NO_RULES, root);

        ScannedEntry rootEntry = entry(result, "proj");
        assertThat(rootEntry.type()).isEqualTo(EntryType.DIR);
        assertThat(rootEntry.size()).isZero();
        assertThat(rootEntry.mode()).isEqualTo(0750);
        ScannedEntry fileEntry = entry(result, "proj/data.bin");
        assertThat(fileEntry.type()).isEqualTo(EntryType.FILE);
        assertThat(fileEntry.size()).isEqualTo(1234);
        assertThat(fileEntry.mode()).isEqualTo(0640);
        assertThat(fileEntry.mtime()).isEqualTo(mtime);
        assertThat(fileEntry.source()).isEqualTo(file);
        assertThat(fileEntry.linkTarget()).isNull();
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void componentPatternsExcludeMatchingNamesAtAnyDepth() throws IOException {
        Path root = dir("proj");
        file(root.resolve("keep.txt"));
        file(root.resolve("src/app.py"));
        file(root.resolve("src/app.pyc"));
        file(root.resolve("src/pkg/mod.pyc"));
        file(root.resolve("node_modules/lib.js"));
        file(root.resolve("web/node_modules/lib.js"));
        file(root.resolve(".git/config"));
        file(root.resolve("sub/.git/HEAD"));

        ScanRules rules = new ScanRules(List.of(".git", "*.pyc", "node_modules"), true, 0);

        assertThat(paths(scan(rules, root))).containsExactly(
                "proj", "proj/keep.txt", "proj/src", "proj/src/app.py", "proj/src/pkg", "proj/sub", "proj/web");
    }

    @Test
    void excludedDirectoriesAreNotDescended() throws IOException {
        Path root = dir("proj");
        // Inside the excluded directory, a file that would be reported as too large if it were looked at.
        Files.createDirectories(root.resolve("cache"));
        Files.write(root.resolve("cache/big.bin"), new byte[100]);
        file(root.resolve("small.txt"));

        ScanResult result = scan(new ScanRules(List.of("cache"), false, 10), root);

        assertThat(paths(result)).containsExactly("proj", "proj/small.txt");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void pathPatternsAreGlobsOnThePathBelowTheRoot() throws IOException {
        Path root = dir("proj");
        file(root.resolve("build/A.class"));
        file(root.resolve("build/x/y/B.class"));
        file(root.resolve("build/notes.txt"));
        file(root.resolve("src/build/C.class"));
        file(root.resolve("docs/a.tmp"));
        file(root.resolve("docs/sub/b.tmp"));
        file(root.resolve("c.tmp"));
        file(root.resolve("deep/er/generated/x.java"));

        ScanRules rules = new ScanRules(List.of("build/**/*.class", "docs/*.tmp", "**/generated"), false, 0);

        assertThat(paths(scan(rules, root))).containsExactly(
                "proj", "proj/build", "proj/build/notes.txt", "proj/build/x", "proj/build/x/y", "proj/c.tmp",
                "proj/deep", "proj/deep/er", "proj/docs", "proj/docs/sub", "proj/docs/sub/b.tmp", "proj/src",
                "proj/src/build", "proj/src/build/C.class");
    }

    @Test
    void patternWithTrailingSlashExcludesOnlyDirectories() throws IOException {
        Path root = dir("proj");
        file(root.resolve("a/logs/x.log"));
        file(root.resolve("b/logs"));

        assertThat(paths(scan(new ScanRules(List.of("logs/"), false, 0), root)))
                .containsExactly("proj", "proj/a", "proj/b", "proj/b/logs");
    }

    @Test
    void hiddenNamesBelowARootAreSkippedUnlessIncluded() throws IOException {
        Path root = dir(".dotted-root");
        file(root.resolve("visible.txt"));
        file(root.resolve(".env"));
        file(root.resolve(".config/settings"));

        assertThat(paths(scan(NO_RULES, root))).containsExactly(".dotted-root", ".dotted-root/visible.txt");
        assertThat(paths(scan(new ScanRules(List.of(), true, 0), root))).containsExactly(
                ".dotted-root", ".dotted-root/.config", ".dotted-root/.config/settings", ".dotted-root/.env",
                ".dotted-root/visible.txt");
    }

    @Test
    void aRootIsNeverExcludedByAPattern() throws IOException {
        Path root = dir("node_modules");
        file(root.resolve("x.js"));

        assertThat(paths(scan(new ScanRules(List.of("node_modules", "*.md"), false, 0), root)))
                .containsExactly("node_modules", "node_modules/x.js");
    }

    @Test
    void filesOverTheSizeLimitAreSkippedWithAReason() throws IOException {
        long mib = 1024L * 1024L;
        Path root = dir("proj");
        sparse(root.resolve("huge.bin"), 123 * mib);
        sparse(root.resolve("at-limit.bin"), 100 * mib);
        sparse(root.resolve("just-over.bin"), 100 * mib + 1);

        ScanResult result = scan(new ScanRules(List.of(), false, 100 * mib), root);

        assertThat(paths(result)).containsExactly("proj", "proj/at-limit.bin");
        assertThat(result.skipped()).containsExactlyInAnyOrder(
                new SkippedFile(root.resolve("huge.bin").toString(), "larger than max_file_size_mb (123 MB > 100 MB)"),
                new SkippedFile(root.resolve("just-over.bin").toString(),
                        "larger than max_file_size_mb (100.1 MB > 100 MB)"));
        assertThat(paths(scan(NO_RULES, root))).hasSize(4);
    }

    @Test
    void symlinksAreReportedWithTheirRawTargetAndNeverFollowed() throws IOException {
        Path outside = dir("outside");
        file(outside.resolve("secret.txt"));
        Path root = dir("proj");
        Files.createSymbolicLink(root.resolve("to-outside"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("no/such/file"));

        ScanResult result = scan(NO_RULES, root);

        assertThat(paths(result)).containsExactly("proj", "proj/dangling", "proj/to-outside");
        ScannedEntry link = entry(result, "proj/to-outside");
        assertThat(link.type()).isEqualTo(EntryType.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("../outside");
        assertThat(link.size()).isZero();
        assertThat(entry(result, "proj/dangling").linkTarget()).isEqualTo("no/such/file");
    }

    @Test
    void symlinkLoopsAreHarmless() throws IOException {
        Path root = dir("proj");
        Files.createSymbolicLink(root.resolve("self"), Path.of("."));
        Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("a"));

        ScanResult result = scan(NO_RULES, root);

        assertThat(paths(result)).containsExactly("proj", "proj/a", "proj/b", "proj/self");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void aRootThatIsASymlinkIsResolvedOnce() throws IOException {
        Path real = dir("real-project");
        file(real.resolve("f.txt"));
        Files.createSymbolicLink(real.resolve("inner-link"), Path.of("f.txt"));
        Path link = Files.createSymbolicLink(tmp.resolve("proj"), real);

        ScanResult result = scanner.scan(SourceRoot.nameAll(List.of(link)), NO_RULES);

        assertThat(paths(result)).containsExactly("proj", "proj/f.txt", "proj/inner-link");
        assertThat(entry(result, "proj").type()).isEqualTo(EntryType.DIR);
        assertThat(entry(result, "proj/f.txt").source()).isEqualTo(real.toRealPath().resolve("f.txt"));
        assertThat(entry(result, "proj/inner-link").type()).isEqualTo(EntryType.SYMLINK);
    }

    @Test
    void aRootThatIsADanglingSymlinkIsSkipped() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("gone"), tmp.resolve("nowhere"));

        ScanResult result = scan(NO_RULES, link);

        assertThat(result.entries()).isEmpty();
        assertThat(result.skipped()).containsExactly(
                new SkippedFile(link.toString(), "symlink whose target does not exist"));
    }

    @Test
    void aMissingRootIsReportedAsVanished() {
        Path missing = tmp.resolve("missing");

        ScanResult result = scan(NO_RULES, missing);

        assertThat(result.entries()).isEmpty();
        assertThat(result.skipped()).containsExactly(new SkippedFile(missing.toString(), "vanished during scan"));
    }

    @Test
    void aRootMayBeASingleFile() throws IOException {
        Path file = tmp.resolve("notes.md");
        Files.writeString(file, "hello");

        ScanResult result = scan(NO_RULES, file);

        assertThat(result.entries()).singleElement().satisfies(e -> {
            assertThat(e.archivePath()).isEqualTo("notes.md");
            assertThat(e.type()).isEqualTo(EntryType.FILE);
            assertThat(e.size()).isEqualTo(5);
        });
    }

    @Test
    void severalRootsAreScannedInTheOrderGivenUnderTheirOwnNames() throws IOException {
        Path first = dir("one/src");
        file(first.resolve("b.txt"));
        Path second = dir("two/src");
        file(second.resolve("a.txt"));

        ScanResult result = scanner.scan(SourceRoot.nameAll(List.of(first, second)), NO_RULES);

        assertThat(paths(result)).containsExactly("src", "src/b.txt", "src-2", "src-2/a.txt");
        assertThat(entry(result, "src-2/a.txt").source()).isEqualTo(second.resolve("a.txt"));
    }

    @Test
    void unreadableFilesAndDirectoriesAreSkippedAsPermissionDenied() throws IOException {
        Path root = dir("proj");
        Path lockedFile = file(root.resolve("locked.txt"));
        Path lockedDir = dir("proj/locked-dir");
        file(lockedDir.resolve("inside.txt"));
        file(root.resolve("open.txt"));
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(lockedFile), "running with privileges that can read any file (root)");

            ScanResult result = scan(NO_RULES, root);

            assertThat(paths(result)).containsExactly("proj", "proj/open.txt");
            assertThat(result.skipped()).containsExactlyInAnyOrder(
                    new SkippedFile(lockedDir.toString(), "permission denied"),
                    new SkippedFile(lockedFile.toString(), "permission denied"));
        } finally {
            Files.setPosixFilePermissions(lockedDir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void fifosAreSkippedAsSpecialFiles() throws Exception {
        Path root = dir("proj");
        Path fifo = root.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        file(root.resolve("plain.txt"));

        ScanResult result = scan(NO_RULES, root);

        assertThat(paths(result)).containsExactly("proj", "proj/plain.txt");
        assertThat(result.skipped()).containsExactly(new SkippedFile(fifo.toString(), "special file (fifo)"));
    }

    @Test
    void fileKeyNamesDeviceInodeAndCtimeSoHardLinksShareIt() throws IOException {
        Path root = dir("proj");
        Path original = file(root.resolve("a.txt"));
        Files.createLink(root.resolve("b.txt"), original);
        file(root.resolve("c.txt"));

        ScanResult result = scan(NO_RULES, root);

        String keyA = entry(result, "proj/a.txt").fileKey();
        assertThat(keyA).matches("\\d+:\\d+:\\d+");
        assertThat(entry(result, "proj/b.txt").fileKey()).isEqualTo(keyA);
        assertThat(entry(result, "proj/c.txt").fileKey()).isNotEqualTo(keyA);
        assertThat(entry(result, "proj").fileKey()).isNotNull();
    }

    @Test
    void aWideAndDeepTreeComesOutInWalkOrderWhateverTheThreadsDid() throws IOException {
        Path root = dir("tree");
        java.util.Random random = new java.util.Random(3);
        List<Path> dirs = new java.util.ArrayList<>(List.of(root));
        for (int i = 0; i < 300; i++) {
            Path parent = dirs.get(random.nextInt(dirs.size()));
            Path sub = Files.createDirectories(parent.resolve("d" + random.nextInt(1000)));
            dirs.add(sub);
            for (int f = random.nextInt(8); f > 0; f--) {
                Path file = sub.resolve("f" + random.nextInt(100) + ".txt");
                Files.write(file, new byte[random.nextInt(3) == 0 ? 2048 : 10]); // some over the size limit
            }
        }
        List<String> expectedEntries = new java.util.ArrayList<>();
        List<String> expectedSkipped = new java.util.ArrayList<>();
        walkInOrder(root, "tree", expectedEntries, expectedSkipped);
        ScanRules rules = new ScanRules(List.of(), false, 1024);
        java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong();

        for (int run = 0; run < 3; run++) {
            ScanResult result = scanner.scan(SourceRoot.nameAll(List.of(root)), rules, size -> found.incrementAndGet());

            assertThat(paths(result)).containsExactlyElementsOf(expectedEntries);
            assertThat(result.skipped()).extracting(s -> s.path()).containsExactlyElementsOf(expectedSkipped);
        }
        assertThat(found.get()).isEqualTo(3L * expectedEntries.stream().filter(p -> p.endsWith(".txt")).count());
    }

    /** The walk order spelled out: the entry, then its children sorted by name, each with its own subtree. */
    private static void walkInOrder(Path path, String name, List<String> entries, List<String> skipped)
            throws IOException {
        if (Files.isRegularFile(path) && Files.size(path) > 1024) {
            skipped.add(path.toString());
            return;
        }
        entries.add(name);
        if (Files.isDirectory(path)) {
            List<Path> children;
            try (var stream = Files.list(path)) {
                children = stream.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString())).toList();
            }
            for (Path child : children) {
                walkInOrder(child, name + "/" + child.getFileName(), entries, skipped);
            }
        }
    }

    @Test
    void scansTenThousandFiles() throws IOException {
        Path root = dir("many");
        for (int d = 0; d < 100; d++) {
            Path sub = Files.createDirectory(root.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                Files.createFile(sub.resolve("f" + f + ".txt"));
            }
        }
        long started = System.nanoTime();

        ScanResult result = scan(NO_RULES, root);

        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("scanned 10,000 files in {} ms", millis); // a figure to watch, not a timed assertion
        assertThat(result.entries()).hasSize(1 + 100 + 10_000);
    }

    private ScanResult scan(ScanRules rules, Path... roots) {
        return scanner.scan(SourceRoot.nameAll(Arrays.asList(roots)), rules);
    }

    private static List<String> paths(ScanResult result) {
        return result.entries().stream().map(ScannedEntry::archivePath).toList();
    }

    private static ScannedEntry entry(ScanResult result, String archivePath) {
        return result.entries().stream().filter(e -> e.archivePath().equals(archivePath)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + archivePath + " in " + paths(result)));
    }

    private Path dir(String relative) throws IOException {
        return Files.createDirectories(tmp.resolve(relative));
    }

    private static Path file(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, path.getFileName().toString());
    }

    private static void sparse(Path path, long size) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
        }
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }
}
