package dev.backman.cli.config;

import dev.backman.s3.S3Location;

/** Checks a location's form before anything is opened, so that errors name the configuration key. */
final class RepositoryLocations {
    private RepositoryLocations() {
    }

    /** Rejects a malformed {@code s3://bucket/prefix}; other schemes are checked when their backend is chosen. */
    static void check(RepositoryLocation location, String key) {
        if (location.scheme().equals("s3")) {
            S3Location.parse(location.value(), key); // no AWS SDK class is loaded for this
        }
    }
}
