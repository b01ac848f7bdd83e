package dev.backman.application;

import dev.backman.domain.error.UnsafeArchiveEntry;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.SourceRoot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Refuses manifest entries that could write outside a restore target: absolute names, empty, {@code .} or
 * {@code ..} segments, unknown roots, repeated names, and entries below a symlink or a file of the same backup
 * (in whatever order the manifest lists them: a hostile one need not be sorted).
 */
final class EntryPaths {
    private EntryPaths() {
    }

    static void requireSafe(Manifest manifest) {
        Set<String> roots = new HashSet<>();
        for (SourceRoot root : manifest.roots()) {
            roots.add(root.name());
        }
        Map<String, EntryType> types = new HashMap<>();
        for (FileEntry entry : manifest.files()) {
            String path = entry.path();
            if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
                throw new UnsafeArchiveEntry(path, "absolute or empty name");
            }
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new UnsafeArchiveEntry(path, "contains an empty, '.' or '..' segment");
                }
            }
            if (!roots.contains(entry.rootName())) {
                throw new UnsafeArchiveEntry(path, "does not belong to a source root of the backup");
            }
            if (types.put(path, entry.type()) != null) {
                throw new UnsafeArchiveEntry(path, "appears more than once");
            }
        }
        // Only the nearest ancestor the manifest lists needs looking at: if it is a directory, that directory is an
        // entry of its own and is checked the same way, so a file or symlink anywhere above is still found. In a
        // well-formed manifest that is the parent: one lookup per entry, however deep the tree.
        for (FileEntry entry : manifest.files()) {
            String path = entry.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                String ancestor = path.substring(0, slash);
                EntryType type = types.get(ancestor);
                if (type == EntryType.DIR) {
                    break;
                }
                if (type != null) {
                    throw new UnsafeArchiveEntry(path, "lies below a " + type.wireName() + " of the same backup ("
                            + ancestor + ")");
                }
            }
        }
    }
}
