package dev.backman.cli.config;

import dev.backman.domain.error.InvalidConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a repository lives: the URI scheme that picks the storage ({@code file} for a plain directory, {@code s3}
 * …) and the location itself (an absolute path for {@code file}, the URI otherwise).
 */
public record RepositoryLocation(String scheme, String value) {
    private static final Pattern URI_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*");
    /** The scheme of a plain directory. */
    public static final String FILE = "file";

    /**
     * Parses a location as given in the configuration or with {@code -r}; a plain path is resolved against
     * {@code base}. {@code key} names the setting in errors.
     *
     * @param location the location as configured: a path, {@code file://…}, {@code s3://…}
     * @param base     what a relative path is relative to
     * @param key      the setting, named in errors
     * @return the location
     * @throws dev.backman.domain.error.InvalidConfiguration the location is not valid
     */
    public static RepositoryLocation parse(String location, Path base, String key) {
        Matcher uri = URI_SCHEME.matcher(location);
        try {
            if (!uri.matches()) {
                return new RepositoryLocation(FILE, PathValues.resolve(location, base).toString());
            }
            String scheme = uri.group(1).toLowerCase(Locale.ROOT);
            if (scheme.equals(FILE)) {
                return new RepositoryLocation(FILE, Path.of(URI.create(location)).toString());
            }
            return new RepositoryLocation(scheme, location);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new InvalidConfiguration(key, "'" + location + "' is not a valid location: " + e.getMessage());
        }
    }

    /**
     * The directory of a {@code file} repository.
     *
     * @return the directory
     */
    public Path localPath() {
        if (!scheme.equals(FILE)) {
            throw new IllegalStateException(value + " is not a local repository");
        }
        return Path.of(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
