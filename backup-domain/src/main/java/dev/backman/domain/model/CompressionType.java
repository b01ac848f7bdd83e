package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The archive formats backman writes; each is a standard format that common tools open. */
public enum CompressionType {
    /** Zip (Deflate), which {@code unzip} and every desktop opens. */
    ZIP("zip"),
    /** Tar, uncompressed. */
    TAR("tar"),
    /** Tar compressed with gzip. */
    TAR_GZ("tar.gz"),
    /** Tar compressed with bzip2. */
    TAR_BZ2("tar.bz2"),
    /** Tar compressed with Zstandard. */
    TAR_ZST("tar.zst"),
    /** Tar compressed with xz. */
    TAR_XZ("tar.xz");

    private final String extension;

    CompressionType(String extension) {
        this.extension = extension;
    }

    /**
     * The name used in configuration, JSON and file names, e.g. {@code tar.zst}.
     *
     * @return the extension, without a leading dot
     */
    public String extension() {
        return extension;
    }

    /**
     * Whether this is one of the tar formats.
     *
     * @return false for zip only
     */
    public boolean isTar() {
        return this != ZIP;
    }

    /**
     * Parses a configuration value such as {@code tar.zst}; the error names {@code key}.
     *
     * @param value the configured value
     * @param key   the configuration key, named in the error
     * @return the format
     * @throws InvalidConfiguration the value names no format
     */
    public static CompressionType parse(String value, String key) {
        return find(value).orElseThrow(() -> new InvalidConfiguration(key,
                "unknown format '" + value + "'; expected one of " + names()));
    }

    /**
     * The format with this extension, in any case.
     *
     * @param value an extension such as {@code tar.zst}, or null
     * @return the format, or empty
     */
    public static Optional<CompressionType> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extension.equals(wanted)).findFirst();
    }

    /**
     * The format whose extension ends the file name, e.g. {@code out.tar.gz}; longest match wins.
     *
     * @param fileName a file name
     * @return the format, or empty when the name has none of the extensions
     */
    public static Optional<CompressionType> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> lower.endsWith("." + t.extension))
                .max((a, b) -> Integer.compare(a.extension.length(), b.extension.length()));
    }

    /**
     * Every format's extension, for messages.
     *
     * @return e.g. {@code zip, tar, tar.gz, …}
     */
    public static String names() {
        return Arrays.stream(values()).map(CompressionType::extension).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return extension;
    }
}
