package dev.backman.domain.model;

import java.util.Locale;

/**
 * How a backup was verified. {@code full} reads the whole archive and compares every entry with the manifest;
 * {@code quick} only checks that manifest and archive are present and the archive has its recorded size;
 * {@code sample} is a full check of a random part of the backups.
 */
public enum VerifyMode {
    /** Reads the whole archive and compares every entry with the manifest. */
    FULL,
    /** Checks that manifest and archive exist and that the archive has its recorded size. */
    QUICK,
    /** A full check of a share of the backups. */
    SAMPLE;

    /**
     * The lower-case name used in JSON and in the catalog.
     *
     * @return the constant's name in lower case
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant with this wire name.
     *
     * @param name a wire name, in any case
     * @return the constant
     * @throws IllegalArgumentException when no constant has this name
     */
    public static VerifyMode fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether this mode reads every byte of the archive (full and sample do; quick does not).
     *
     * @return true for full and sample
     */
    public boolean readsContents() {
        return this != QUICK;
    }
}
