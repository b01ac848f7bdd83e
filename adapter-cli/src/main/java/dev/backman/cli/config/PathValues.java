package dev.backman.cli.config;

import java.nio.file.Path;

/** Resolves paths from configuration and the command line; {@code ~/} is the user's home, as in a shell. */
public final class PathValues {
    private PathValues() {
    }

    /** {@code value} as an absolute, normalized path resolved against {@code base}. */
    public static Path resolve(String value, Path base) {
        if (value.equals("~") || value.startsWith("~/")) {
            Path home = Path.of(System.getProperty("user.home"));
            return home.resolve(value.substring(Math.min(2, value.length()))).toAbsolutePath().normalize();
        }
        return base.resolve(value).toAbsolutePath().normalize();
    }
}
