package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupType;
import java.util.List;

/**
 * The chain a new backup joins: its type, the parent it builds on (null for a full backup), the parent's
 * ancestry from the full backup on, and why a full backup was chosen when a chain existed (null otherwise).
 */
record Chain(BackupType type, BackupMetadata parent, List<BackupMetadata> members, String reason) {

    static Chain full(String reason) {
        return new Chain(BackupType.FULL, null, List.of(), reason);
    }

    String parentId() {
        return parent == null ? null : parent.backupId();
    }
}
