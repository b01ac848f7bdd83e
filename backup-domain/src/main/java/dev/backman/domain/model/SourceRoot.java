package dev.backman.domain.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A source path and the name of its top-level folder inside the archive. Entries are named
 * {@code <name>/<relative path>}.
 */
public record SourceRoot(String name, Path path) {

    /**
     * Names each source after its last path element, adding {@code -2}, {@code -3} … when two sources share one.
     * Paths must be absolute and normalized.
     *
     * @param absolutePaths the source paths, absolute and normalized
     * @return one root per path, in order
     */
    public static List<SourceRoot> nameAll(List<Path> absolutePaths) {
        Set<String> used = new HashSet<>();
        List<SourceRoot> roots = new ArrayList<>();
        for (Path path : absolutePaths) {
            Path last = path.getFileName();
            String base = last == null ? "root" : last.toString();
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n;
            }
            roots.add(new SourceRoot(name, path));
        }
        return List.copyOf(roots);
    }
}
