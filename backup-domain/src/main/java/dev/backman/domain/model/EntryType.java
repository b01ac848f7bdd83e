package dev.backman.domain.model;

import java.util.Locale;

/** What a manifest entry is on disk. */
public enum EntryType {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIR,
    /** A symbolic link, stored as a link. */
    SYMLINK;

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
    public static EntryType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
