package dev.backman.domain.model;

import java.util.Locale;

/**
 * How a backup was verified. {@code full} reads the whole archive and compares every entry with the manifest;
 * {@code quick} only checks that manifest and archive are present and the archive has its recorded size;
 * {@code sample} is a full check of a random part of the backups.
 */
public enum VerifyMode {
    FULL, QUICK, SAMPLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VerifyMode fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** Whether this mode reads every byte of the archive (full and sample do; quick does not). */
    public boolean readsContents() {
        return this != QUICK;
    }
}
