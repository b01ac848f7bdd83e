package dev.backman.domain.model;

import java.util.Locale;

/** State of one offsite copy of a backup. */
public enum ReplicaStatus {
    PENDING, COPIED, VERIFIED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReplicaStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
