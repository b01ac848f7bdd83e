package dev.backman.domain.error;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Source paths that do not exist; the backup did not start. */
public final class MissingSourcePaths extends BackupException {
    /** The paths that do not exist. */
    private final List<Path> paths;

    /**
     * Source paths that do not exist.
     *
     * @param paths the missing paths; empty when no source path was given at all
     */
    public MissingSourcePaths(List<Path> paths) {
        super(message(paths));
        this.paths = List.copyOf(paths);
    }

    private static String message(List<Path> paths) {
        if (paths.isEmpty()) {
            return "no source paths: give them on the command line or as source_paths in the configuration";
        }
        return "source path" + (paths.size() > 1 ? "s do" : " does") + " not exist: "
                + paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /**
     * The paths that do not exist.
     *
     * @return the paths
     */
    public List<Path> paths() {
        return paths;
    }
}
