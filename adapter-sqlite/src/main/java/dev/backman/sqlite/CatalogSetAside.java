package dev.backman.sqlite;

import dev.backman.domain.error.CatalogFailure;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Moves a catalog file out of the way without deleting anything: {@code catalog.db} becomes
 * {@code catalog.db.replaced-<yyyyMMddHHmmss>}, and each side file keeps its suffix after the new name
 * ({@code ...replaced-<stamp>-wal}), so SQLite still finds the WAL when someone opens the moved copy.
 */
final class CatalogSetAside {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    /** A stale side file left beside a new database would be replayed into it, so they all move with the file. */
    private static final List<String> SIDE_SUFFIXES = List.of("-wal", "-shm", "-journal");

    private final Clock clock;

    CatalogSetAside(Clock clock) {
        this.clock = clock;
    }

    /** Moves the file and its side files aside; returns the file's new name, empty when there was nothing. */
    Optional<Path> moveAside(Path file) {
        List<Path> present = new ArrayList<>();
        for (Path candidate : family(file)) {
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                present.add(candidate);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        String base = file.getFileName() + ".replaced-" + LocalDateTime.now(clock).format(STAMP);
        for (int attempt = 1; ; attempt++) {
            Path target = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            if (family(target).stream().noneMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))) {
                moveAll(file, target, present);
                return Optional.of(target);
            }
        }
    }

    private static List<Path> family(Path file) {
        List<Path> paths = new ArrayList<>();
        paths.add(file);
        for (String suffix : SIDE_SUFFIXES) {
            paths.add(file.resolveSibling(file.getFileName() + suffix));
        }
        return paths;
    }

    private static void moveAll(Path file, Path target, List<Path> present) {
        String name = file.getFileName().toString();
        for (Path source : present) {
            String suffix = source.getFileName().toString().substring(name.length());
            Path destination = target.resolveSibling(target.getFileName() + suffix);
            try {
                // No REPLACE_EXISTING: a name taken meanwhile fails rather than overwrite someone's file.
                Files.move(source, destination);
            } catch (FileAlreadyExistsException e) {
                throw new CatalogFailure("cannot move " + source + " aside: " + destination + " appeared meanwhile", e);
            } catch (IOException e) {
                throw new CatalogFailure("cannot move " + source + " aside to " + destination + ": " + e, e);
            }
        }
    }
}
