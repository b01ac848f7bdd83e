package dev.backman.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * What this build of backman is: its version, the git commit it was built from and the day it was built. The build
 * writes them to {@code backman-build.properties} beside this class (git-commit-id-maven-plugin); a build outside a
 * git checkout records no commit, which is then {@code unknown}.
 *
 * @param version  the project version, e.g. {@code 0.1.0}
 * @param commit   the abbreviated commit id, or {@code unknown}
 * @param modified whether the working tree had uncommitted changes when it was built
 * @param date     the build day ({@code yyyy-MM-dd}), when known
 */
public record BuildInfo(String version, String commit, boolean modified, Optional<String> date) {
    static final String RESOURCE = "backman-build.properties";
    static final String UNKNOWN = "unknown";

    /**
     * This build's information, read on demand: only {@code --version} and the documentation need it.
     *
     * @return the version, commit and build day of the classes on the class path
     */
    public static BuildInfo current() {
        return current(BuildInfo.class.getPackage().getImplementationVersion());
    }

    /**
     * This build's information, for a caller that knows the version when the build wrote none (a build outside a
     * git checkout, run from its classes rather than its jar).
     *
     * @param fallbackVersion the version to give when the build recorded none; may be null
     * @return the version, commit and build day of the classes on the class path
     */
    public static BuildInfo current(String fallbackVersion) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return from(properties, fallbackVersion);
    }

    /** From the properties the build wrote; {@code fallbackVersion} (may be null) stands in for a missing version. */
    static BuildInfo from(Properties properties, String fallbackVersion) {
        String version = value(properties, "git.build.version")
                .orElse(fallbackVersion == null ? "(development build)" : fallbackVersion);
        return new BuildInfo(version, value(properties, "git.commit.id.abbrev").orElse(UNKNOWN),
                Boolean.parseBoolean(properties.getProperty("git.dirty")), value(properties, "git.build.time"));
    }

    private static Optional<String> value(Properties properties, String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The build in one line.
     *
     * @return e.g. {@code 0.1.0 (commit 3ba3bfa, built 2026-11-29)}; {@code 3ba3bfa+changes} when the tree it was
     *         built from had uncommitted changes
     */
    public String describe() {
        return version + " (commit " + commit + (modified ? "+changes" : "")
                + date.map(d -> ", built " + d).orElse("") + ")";
    }
}
