package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Where each entry of a backup goes: {@code <target>/<root>/…}, or each root's original path when there is no
 * target. A destination is a base directory plus a '/'-separated path below it, so the writer can check that
 * nothing escapes the base.
 */
final class RestorePlan {
    private final Map<String, Place> placeByRoot = new HashMap<>();

    RestorePlan(List<SourceRoot> roots, Path target) {
        for (SourceRoot root : roots) {
            if (target != null) {
                placeByRoot.put(root.name(), new Place(target.toAbsolutePath().normalize(), root.name()));
            } else {
                Path original = root.path();
                Path parent = original.getParent();
                placeByRoot.put(root.name(), new Place(parent == null ? original : parent,
                        original.getFileName() == null ? root.name() : original.getFileName().toString()));
            }
        }
    }

    Destination of(FileEntry entry) {
        String path = entry.path();
        int slash = path.indexOf('/');
        int end = slash < 0 ? path.length() : slash;
        String root = path.substring(0, end);
        Place place = placeByRoot.get(root);
        // restored under its own root's name, an entry's path is its destination below the base: no copy of it is
        // held for each of 100,000 entries
        String relative = place.top().equals(root) ? path : place.top() + path.substring(end);
        return new Destination(entry, place.base(), relative);
    }

    /** Where a root's entries go: below {@code base}, the root itself named {@code top}. */
    private record Place(Path base, String top) {
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

    /**
     * The destination paths of some destinations, each made when asked for: a restore of 100,000 entries does not
     * hold their strings while it writes, and a caller that never looks at them never pays for them.
     */
    static final class Paths extends AbstractList<String> implements RandomAccess {
        private final List<Destination> destinations;

        /** {@code destinations} must not change. */
        Paths(List<Destination> destinations) {
            this.destinations = destinations;
        }

        @Override
        public String get(int index) {
            return destinations.get(index).path().toString();
        }

        @Override
        public int size() {
            return destinations.size();
        }
    }
}
