package dev.backman.application;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.BackupId;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryLayout;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks what JSON decoding cannot: that a manifest describes the backup its file is named after, and that every
 * entry carries what restoring it needs (a file's size, SHA-256 and holder; a symlink's target). A damaged or
 * hand-edited manifest is refused with the manifest named, before anything is read or written on its word.
 */
final class ManifestCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ManifestCheck() {
    }

    static Manifest require(String backupId, Manifest manifest) {
        return require(backupId, null, manifest);
    }

    /**
     * Also refuses a manifest that names another repository than {@code repositoryId} (one copied in from elsewhere
     * would otherwise pass for a backup of this one); a manifest naming none (repository format 1) is accepted, and
     * so is any when {@code repositoryId} is null.
     */
    static Manifest require(String backupId, String repositoryId, Manifest manifest) {
        String describes = manifest.backup().backupId();
        if (!backupId.equals(describes)) {
            throw invalid(backupId, "it describes backup '" + describes + "', not " + backupId);
        }
        String belongsTo = manifest.repositoryId();
        if (repositoryId != null && belongsTo != null && !repositoryId.equals(belongsTo)) {
            throw invalid(backupId, "it belongs to another repository (id " + belongsTo + "), not this one (id "
                    + repositoryId + "); it was copied in from elsewhere");
        }
        List<FileEntry> files = manifest.files();
        for (int i = 0; i < files.size(); i++) {
            String problem = problemOf(files.get(i));
            if (problem != null) {
                throw invalid(backupId, "files[" + i + "] (" + files.get(i).path() + ") " + problem);
            }
        }
        return manifest;
    }

    private static String problemOf(FileEntry entry) {
        if (entry.type() == EntryType.FILE) {
            if (entry.size() < 0) {
                return "has a negative size";
            }
            if (entry.sha256() == null || !SHA256.matcher(entry.sha256()).matches()) {
                return "has no valid sha256";
            }
            if (entry.storedIn() == null || !BackupId.isValid(entry.storedIn())) {
                return "has no valid stored_in";
            }
        } else if (entry.type() == EntryType.SYMLINK && (entry.linkTarget() == null || entry.linkTarget().isEmpty())) {
            return "is a symlink without a link_target";
        }
        return null;
    }

    private static IntegrityViolation invalid(String backupId, String problem) {
        return new IntegrityViolation(backupId, RepositoryLayout.manifestKey(backupId), "invalid manifest: " + problem);
    }
}
