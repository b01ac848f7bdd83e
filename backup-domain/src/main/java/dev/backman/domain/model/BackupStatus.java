package dev.backman.domain.model;

import java.util.Locale;

/** Life cycle of a backup: pending → in_progress → completed | failed; completed → corrupted when damage is found. */
public enum BackupStatus {
    /** Recorded, not started. */
    PENDING,
    /** Being written. */
    IN_PROGRESS,
    /** Written, read back and published. */
    COMPLETED,
    /** Could not complete; nothing of it is left in the repository. */
    FAILED,
    /** Damage was found (by verify, or a manifest that vanished). */
    CORRUPTED;

    /**
     * The lower-case name used in JSON and in the catalog.
     *
     * @return e.g. {@code completed}
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
    public static BackupStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
