package dev.backman.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds small source trees for tests and reads trees back for comparison. */
public final class SourceTree {
    private SourceTree() {
    }

    /** {@code dir} with a.txt, sub/b.txt, sub/deeper/c.bin and an empty directory. */
    public static Path create(Path dir) {
        try {
            Files.createDirectories(dir.resolve("sub/deeper"));
            Files.createDirectories(dir.resolve("empty"));
            Files.writeString(dir.resolve("a.txt"), "hello backman\n");
            Files.writeString(dir.resolve("sub/b.txt"), "second file\n");
            byte[] bytes = new byte[10_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31);
            }
            Files.write(dir.resolve("sub/deeper/c.bin"), bytes);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative path → content ("<dir>" for directories) of every entry below {@code root}. */
    public static Map<String, String> read(Path root) {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String relative = root.relativize(path).toString();
                contents.put(relative, Files.isDirectory(path) ? "<dir>"
                        : java.util.HexFormat.of().formatHex(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }

    /** Number of regular files below {@code dir}, 0 when it does not exist. */
    public static long fileCount(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
