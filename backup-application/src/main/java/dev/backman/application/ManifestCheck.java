package dev.backman.application;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.BackupId;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryLayout;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks what JSON decoding cannot: that a manifest describes the backup its file is named after, and that every
 * entry carries what restoring it needs (a file's size, SHA-256 and holder; a symlink's target). A damaged or
 * hand-edited manifest is refused with the manifest named, before anything is read or written on its word.
 */
final class ManifestCheck {
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
        requireHeader(backupId, repositoryId, manifest);
        EntryCheck check = new EntryCheck(entry -> { });
        manifest.files().forEach(check);
        check.requireValid(backupId);
        return manifest;
    }

    /** What {@link #require(String, String, Manifest)} checks, except the entries. */
    static Manifest requireHeader(String backupId, String repositoryId, Manifest manifest) {
        String describes = manifest.backup().backupId();
        if (!backupId.equals(describes)) {
            throw invalid(backupId, "it describes backup '" + describes + "', not " + backupId);
        }
        String belongsTo = manifest.repositoryId();
        if (repositoryId != null && belongsTo != null && !repositoryId.equals(belongsTo)) {
            throw invalid(backupId, "it belongs to another repository (id " + belongsTo + "), not this one (id "
                    + repositoryId + "); it was copied in from elsewhere");
        }
        return manifest;
    }

    /**
     * Checks entries one at a time, as a manifest is read, and hands the valid ones on until the first that is not;
     * {@link #requireValid(String)} then refuses the manifest. It throws nothing itself: a decoder would wrap what a
     * consumer throws.
     */
    static final class EntryCheck implements Consumer<FileEntry> {
        private final Consumer<FileEntry> next;
        private final Set<String> validHolders = new HashSet<>(); // a few backup ids, repeated in every file entry
        private int index;
        private String problem;

        EntryCheck(Consumer<FileEntry> next) {
            this.next = next;
        }

        @Override
        public void accept(FileEntry entry) {
            if (problem != null) {
                return;
            }
            String found = problemOf(entry, validHolders);
            if (found != null) {
                problem = "files[" + index + "] (" + entry.path() + ") " + found;
                return;
            }
            index++;
            next.accept(entry);
        }

        void requireValid(String backupId) {
            if (problem != null) {
                throw invalid(backupId, problem);
            }
        }
    }

    private static String problemOf(FileEntry entry, Set<String> validHolders) {
        if (entry.type() == EntryType.FILE) {
            if (entry.size() < 0) {
                return "has a negative size";
            }
            if (!isSha256(entry.sha256())) {
                return "has no valid sha256";
            }
            String holder = entry.storedIn();
            if (holder == null || !validHolders.contains(holder) && !BackupId.isValid(holder)) {
                return "has no valid stored_in";
            }
            validHolders.add(holder);
        } else if (entry.type() == EntryType.SYMLINK && (entry.linkTarget() == null || entry.linkTarget().isEmpty())) {
            return "is a symlink without a link_target";
        }
        return null;
    }

    /** 64 lower-case hex digits (a loop: a regular expression per entry was a visible cost of a large restore). */
    private static boolean isSha256(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static IntegrityViolation invalid(String backupId, String problem) {
        return new IntegrityViolation(backupId, RepositoryLayout.manifestKey(backupId), "invalid manifest: " + problem);
    }
}
