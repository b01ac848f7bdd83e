package dev.backman.filesystem.restore;

import dev.backman.domain.error.UnsafeArchiveEntry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated destination: a base directory and the '/'-separated path below it, split into plain names (no
 * {@code .}, {@code ..}, empty names, absolute paths or NUL). The empty relative path is the base itself.
 */
record RestoreTarget(Path base, String relative, List<String> names, Path destination) {

    static RestoreTarget of(Path base, String relative) {
        if (relative == null) {
            throw new UnsafeArchiveEntry("(null)", "no path given");
        }
        if (relative.isEmpty()) {
            return new RestoreTarget(base, relative, List.of(), base);
        }
        if (relative.indexOf('\0') >= 0) {
            throw new UnsafeArchiveEntry(relative.replace('\0', '?'), "contains a NUL character");
        }
        if (relative.startsWith("/")) {
            throw new UnsafeArchiveEntry(relative, "is an absolute path");
        }
        List<String> names = List.of(relative.split("/", -1));
        Path destination = base;
        for (String name : names) {
            if (name.isEmpty()) {
                throw new UnsafeArchiveEntry(relative, "contains an empty path element");
            }
            if (name.equals(".") || name.equals("..")) {
                throw new UnsafeArchiveEntry(relative, "contains a '" + name + "' path element");
            }
            try {
                destination = destination.resolve(name);
            } catch (InvalidPathException e) {
                throw new UnsafeArchiveEntry(relative, "is not a valid path here (" + e.getReason() + ")");
            }
        }
        return new RestoreTarget(base, relative, names, destination);
    }

    /** The directory that holds the destination (for the base itself: the base's parent). */
    Path directory() {
        Path parent = destination.toAbsolutePath().getParent();
        return parent == null ? destination.toAbsolutePath() : parent;
    }

    String fileName() {
        Path name = destination.toAbsolutePath().getFileName();
        return name == null ? "root" : name.toString();
    }

    boolean isBase() {
        return names.isEmpty();
    }
}
