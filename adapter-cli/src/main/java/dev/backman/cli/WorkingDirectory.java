package dev.backman.cli;

import dev.backman.cli.config.PathValues;
import java.nio.file.Path;

/** The directory relative paths given on the command line are resolved against. */
public record WorkingDirectory(Path path) {
    public WorkingDirectory {
        path = path.toAbsolutePath().normalize();
    }

    /** {@code value} as an absolute, normalized path; {@code ~/} stands for the user's home directory. */
    public Path resolve(String value) {
        return PathValues.resolve(value, path);
    }
}
