package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each entry of a backup goes: {@code <target>/<root>/…}, or each root's original path when there is no
 * target. A destination is a base directory plus a '/'-separated path below it, so the writer can check that
 * nothing escapes the base.
 */
final class RestorePlan {
    private final Map<String, Path> baseByRoot = new HashMap<>();
    private final Map<String, String> nameByRoot = new HashMap<>();

    RestorePlan(List<SourceRoot> roots, Path target) {
        for (SourceRoot root : roots) {
            if (target != null) {
                baseByRoot.put(root.name(), target.toAbsolutePath().normalize());
                nameByRoot.put(root.name(), root.name());
            } else {
                Path original = root.path();
                Path parent = original.getParent();
                baseByRoot.put(root.name(), parent == null ? original : parent);
                nameByRoot.put(root.name(), original.getFileName() == null ? root.name()
                        : original.getFileName().toString());
            }
        }
    }

    Destination of(FileEntry entry) {
        String relative = entry.relativePath();
        String top = nameByRoot.get(entry.rootName());
        return new Destination(entry, baseByRoot.get(entry.rootName()),
                relative.isEmpty() ? top : top + "/" + relative);
    }

    /** One entry and where it goes. */
    record Destination(FileEntry entry, Path base, String relative) {
        Path path() {
            return base.resolve(relative);
        }

        /** The directory the entry goes into, below the base: the parent part of {@code relative}. */
        String directory() {
            int slash = relative.lastIndexOf('/');
            return slash < 0 ? "" : relative.substring(0, slash);
        }
    }
}
