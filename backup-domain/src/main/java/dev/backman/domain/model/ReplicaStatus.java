package dev.backman.domain.model;

import java.util.Locale;

/** State of one offsite copy of a backup. */
public enum ReplicaStatus {
    /** Not copied yet. */
    PENDING,
    /** Written, not yet read back. */
    COPIED,
    /** Written and read back intact. */
    VERIFIED,
    /** The copy did not match (and was removed), or the repository's own copy is missing. */
    FAILED;

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
    public static ReplicaStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
