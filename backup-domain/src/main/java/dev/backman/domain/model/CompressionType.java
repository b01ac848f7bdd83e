package dev.backman.domain.model;

import dev.backman.domain.error.InvalidConfiguration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The archive formats backman writes; each is a standard format that common tools open. */
public enum CompressionType {
    ZIP("zip"),
    TAR("tar"),
    TAR_GZ("tar.gz"),
    TAR_BZ2("tar.bz2"),
    TAR_ZST("tar.zst"),
    TAR_XZ("tar.xz");

    private final String extension;

    CompressionType(String extension) {
        this.extension = extension;
    }

    /** The name used in configuration, JSON and file names, e.g. {@code tar.zst}. */
    public String extension() {
        return extension;
    }

    public boolean isTar() {
        return this != ZIP;
    }

    /** Parses a configuration value such as {@code tar.zst}; the error names {@code key}. */
    public static CompressionType parse(String value, String key) {
        return find(value).orElseThrow(() -> new InvalidConfiguration(key,
                "unknown format '" + value + "'; expected one of " + names()));
    }

    public static Optional<CompressionType> find(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extension.equals(wanted)).findFirst();
    }

    /** The format whose extension ends the file name, e.g. {@code out.tar.gz}; longest match wins. */
    public static Optional<CompressionType> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> lower.endsWith("." + t.extension))
                .max((a, b) -> Integer.compare(a.extension.length(), b.extension.length()));
    }

    public static String names() {
        return Arrays.stream(values()).map(CompressionType::extension).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return extension;
    }
}
