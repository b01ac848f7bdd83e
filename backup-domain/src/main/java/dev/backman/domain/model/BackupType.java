package dev.backman.domain.model;

import java.util.Locale;

/** A full backup starts a chain; an incremental one stores only what its chain does not hold yet. */
public enum BackupType {
    FULL, INCREMENTAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackupType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
