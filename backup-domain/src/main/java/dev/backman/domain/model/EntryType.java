package dev.backman.domain.model;

import java.util.Locale;

/** What a manifest entry is on disk. */
public enum EntryType {
    FILE, DIR, SYMLINK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
