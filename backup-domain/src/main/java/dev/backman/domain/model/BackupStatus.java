package dev.backman.domain.model;

import java.util.Locale;

/** Life cycle of a backup: pending → in_progress → completed | failed; completed → corrupted when damage is found. */
public enum BackupStatus {
    PENDING, IN_PROGRESS, COMPLETED, FAILED, CORRUPTED;

    /** The lower-case name used in JSON and in the catalog, e.g. {@code in_progress}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackupStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
