package dev.backman.application;

import dev.backman.domain.error.MissingSourcePaths;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the requested source paths into named, absolute roots, refusing paths that do not exist. */
final class SourceSelection {
    private SourceSelection() {
    }

    static List<SourceRoot> resolve(List<Path> requested) {
        List<Path> absolute = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path path : requested) {
            Path abs = path.toAbsolutePath().normalize();
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(path);
            } else if (!absolute.contains(abs)) {
                absolute.add(abs);
            }
        }
        if (!missing.isEmpty() || absolute.isEmpty()) {
            throw new MissingSourcePaths(missing);
        }
        return SourceRoot.nameAll(absolute);
    }
}
