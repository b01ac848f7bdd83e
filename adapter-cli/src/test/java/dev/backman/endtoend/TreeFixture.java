package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds source trees for tests and compares restored trees with them, entry by entry. */
final class TreeFixture {
    static final Instant MTIME = Instant.parse("2024-03-01T10:15:30Z");

    private TreeFixture() {
    }

    /**
     * A tree with what breaks naive archivers: long, unicode and spaced names, an empty file, an empty directory,
     * duplicates, a symlink (relative, dangling-safe), executable and private modes, fixed mtimes.
     */
    static Path tricky(Path parent, String name) throws IOException {
        Path root = Files.createDirectories(parent.resolve(name));
        write(root.resolve("README.md"), "hello backman\n");
        write(root.resolve("main/java/App.java"), "class App { public static void main(String[] a) {} }\n");
        write(root.resolve("main/java/Copy.java"), "class App { public static void main(String[] a) {} }\n");
        write(root.resolve("dir with spaces/ünïcødé — файл 文件.txt"), "unicode content ✓\n");
        String longName = "n".repeat(120) + "/" + "m".repeat(150) + "/" + "deep-file-name-".repeat(10) + ".txt";
        write(root.resolve(longName), "long path\n");
        Files.createFile(root.resolve("empty.txt"));
        Files.createDirectories(root.resolve("empty-dir/also-empty"));
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        Files.createDirectories(root.resolve("bin"));
        Files.write(root.resolve("bin/random.bin"), random);
        Files.write(root.resolve("bin/random-copy.bin"), random);
        Path script = write(root.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path secret = write(root.resolve("secret.key"), "s3cr3t\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(root.resolve("link-to-readme"), Path.of("README.md"));
        Files.createSymbolicLink(root.resolve("main/dangling"), Path.of("../nowhere/at/all"));
        setTimes(root);
        return root;
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Sets every mtime below (and of) root, deepest first, so directories keep theirs. */
    static void setTimes(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .filter(p -> !Files.isSymbolicLink(p))
                    .forEach(p -> {
                        try {
                            long depth = root.relativize(p).getNameCount();
                            Files.setLastModifiedTime(p, FileTime.from(MTIME.plusSeconds(depth)));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    /** Asserts that {@code actual} holds exactly {@code expected}'s entries, contents, links, modes and mtimes. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<String, String> want = describe(expected);
        Map<String, String> got = describe(actual);
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        assertThat(got).containsExactlyEntriesOf(want);
    }

    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = root.relativize(p).toString();
                result.put(rel, describeEntry(p));
            }
        }
        return result;
    }

    private static String describeEntry(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link -> " + Files.readSymbolicLink(p);
        }
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        long seconds = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + perms + " " + seconds;
        }
        return "file " + perms + " " + seconds + " " + Arrays.hashCode(Files.readAllBytes(p)) + "/" + Files.size(p);
    }
}
