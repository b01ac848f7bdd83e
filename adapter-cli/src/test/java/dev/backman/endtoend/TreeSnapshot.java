package dev.backman.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a restore must bring back, per relative path: type, contents (SHA-256), POSIX mode and mtime (to the
 * millisecond) of files and directories, the target of symlinks (whose own mtime is best effort).
 */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                entries.put(root.relativize(path).toString(), describe(path));
            }
        }
        return entries;
    }

    private static String describe(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return "link -> " + Files.readSymbolicLink(path);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        long mtime = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + mode + " " + mtime;
        }
        return "file " + mode + " " + mtime + " " + Files.size(path) + " bytes " + sha256(path);
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
