package dev.backman.domain.model;

import java.util.Locale;

/** A full backup starts a chain; an incremental one stores only what its chain does not hold yet. */
public enum BackupType {
    /** Starts a chain; its archive holds every content of the tree. */
    FULL,
    /** Continues a chain; its archive holds only contents the chain does not hold yet. */
    INCREMENTAL;

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
    public static BackupType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
