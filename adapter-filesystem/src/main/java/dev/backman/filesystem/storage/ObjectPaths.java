package dev.backman.filesystem.storage;

import java.nio.file.Path;

/**
 * Maps object keys to files below a storage root and back. A key is a '/'-separated relative name; anything that
 * could leave the root or alias another key (absolute names, {@code ..}, {@code .}, empty segments, backslashes) is
 * rejected, and {@code tmp/} is reserved for objects being written.
 */
final class ObjectPaths {
    static final String TEMP_DIR = "tmp";

    private final Path root;

    ObjectPaths(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path tempDir() {
        return root.resolve(TEMP_DIR);
    }

    /** The file holding {@code key}; throws {@link IllegalArgumentException} for an unsafe or reserved key. */
    Path fileOf(String key) {
        checkKey(key);
        return resolve(key);
    }

    /**
     * The directory to walk for {@code prefix}: its part up to the last '/'. The rest of the prefix only filters
     * names, as in S3 ({@code archives/b1} matches {@code archives/b10.zip}).
     */
    Path directoryOf(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
        int slash = prefix.lastIndexOf('/');
        if (slash < 0) {
            return root;
        }
        String directory = prefix.substring(0, slash);
        checkSegments(directory, prefix);
        return resolve(directory);
    }

    /** The key of a file below the root. */
    String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("key '" + relative + "' is outside the storage root");
        }
        return path;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        checkSegments(key, key);
        if (key.equals(TEMP_DIR) || key.startsWith(TEMP_DIR + "/")) {
            throw new IllegalArgumentException("key '" + key + "' is in the reserved " + TEMP_DIR + "/ area");
        }
    }

    private static void checkSegments(String relative, String key) {
        if (relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0
                || (relative.length() > 1 && relative.charAt(1) == ':')) {
            throw new IllegalArgumentException("key '" + key + "' must be a relative '/'-separated name");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "key '" + key + "' must not contain empty, '.' or '..' segments");
            }
        }
    }
}
