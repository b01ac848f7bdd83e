package dev.backman.cli.wiring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * The per-user directory where backman keeps what belongs to no repository directory: the catalogs of S3
 * repositories ({@code catalogs/<repository id>.db}), their local lock files, and sqlite's native library
 * ({@code lib/}). The first that is set of: the
 * system property {@code backman.data.dir}, the environment variable {@code BACKMAN_DATA_DIR},
 * {@code $XDG_DATA_HOME/backman}, and {@code ~/.local/share/backman}.
 */
record DataDirectory(Path root) {
    static final String PROPERTY = "backman.data.dir";
    static final String VARIABLE = "BACKMAN_DATA_DIR";

    /** The directory this process uses. */
    static DataDirectory fromEnvironment() {
        return of(System.getProperties(), System.getenv());
    }

    static DataDirectory of(Properties properties, Map<String, String> environment) {
        String explicit = properties.getProperty(PROPERTY, environment.get(VARIABLE));
        if (explicit != null && !explicit.isBlank()) {
            return new DataDirectory(Path.of(explicit).toAbsolutePath().normalize());
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(properties.getProperty("user.home"), ".local", "share");
        return new DataDirectory(base.toAbsolutePath().normalize().resolve("backman"));
    }

    /** Where native libraries that would otherwise be extracted to a new temporary file on every start are kept. */
    Path nativeLibraries() {
        return root.resolve("lib");
    }

    /** The catalog of the repository with this id. */
    Path catalogOf(String repositoryId) {
        return root.resolve("catalogs").resolve(repositoryId + ".db");
    }

    /** The directory of this machine's lock of the repository at {@code location}. */
    Path lockRootOf(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return root.resolve("locks").resolve(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
