package dev.backman.s3;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.regex.Pattern;

/**
 * A repository location {@code s3://bucket/prefix}: the bucket and the key prefix (without slashes at either end, empty
 * for the bucket's root) under which every repository key is stored as {@code prefix/key}.
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, without slashes at either end; empty for the bucket's root
 */
public record S3Location(String bucket, String prefix) {
    private static final String SCHEME = "s3://";
    private static final String DEFAULT_KEY = "backup_location";
    // lenient on purpose: S3-compatible stores and old us-east-1 buckets allow more than today's AWS rules
    private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]");

    /**
     * Validates both parts; use {@link #parse(String)} for user input.
     *
     * @param bucket the bucket's name
     * @param prefix the key prefix, without slashes at either end; empty for the bucket's root
     */
    public S3Location {
        requireValid(bucket, prefix, DEFAULT_KEY);
    }

    /**
     * Whether {@code location} names an S3 location (starts with {@code s3://}) rather than a directory.
     *
     * @param location a configured location
     * @return true for {@code s3://…}
     */
    public static boolean isS3(String location) {
        return location != null && location.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses {@code s3://bucket[/prefix][/]}; errors name the {@code backup_location} key.
     *
     * @param location the configured location
     * @return the bucket and prefix
     */
    public static S3Location parse(String location) {
        return parse(location, DEFAULT_KEY);
    }

    /**
     * Parses {@code s3://bucket[/prefix][/]}; errors name {@code configKey} (e.g. {@code offsite[0].location}).
     *
     * @param location  the configured location
     * @param configKey the configuration key that holds it
     * @return the bucket and prefix
     */
    public static S3Location parse(String location, String configKey) {
        if (!isS3(location)) {
            throw new InvalidConfiguration(configKey, "'" + location + "' is not an s3://bucket/prefix location");
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
        requireValid(bucket, prefix, configKey);
        return new S3Location(bucket, prefix);
    }

    /**
     * The S3 key of a repository key: {@code prefix/key}, or {@code key} at the bucket's root.
     *
     * @param key a repository key such as {@code archives/b1.tar.zst}
     * @return the S3 object key
     */
    public String objectKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("not an object key: '" + key + "'");
        }
        return keyPrefix() + key;
    }

    /**
     * The prefix every object key of this repository starts with: {@code prefix/}, or empty.
     *
     * @return {@code prefix/}, or the empty string at the bucket's root
     */
    public String keyPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? SCHEME + bucket : SCHEME + bucket + "/" + prefix;
    }

    private static void requireValid(String bucket, String prefix, String configKey) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidConfiguration(configKey, "'" + bucket + "' is not a valid bucket name"
                    + " (3 to 63 letters, digits, dots and hyphens)");
        }
        if (prefix == null) {
            throw new InvalidConfiguration(configKey, "the key prefix is missing");
        }
        if (prefix.isEmpty()) {
            return;
        }
        for (String segment : prefix.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidConfiguration(configKey, "prefix '" + prefix + "' has an empty, '.' or '..' part");
            }
            if (segment.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidConfiguration(configKey, "prefix '" + prefix + "' contains control characters");
            }
        }
    }

    private static String trimSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '/') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(start, end);
    }
}
