package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one backup's archive that hold contents a restore or an export wants: member name (the path the
 * content was stored under) to the wanted items that get that content. A backup's manifest says which files its
 * archive holds; another backup's manifest is read entry by entry for it and never held, since the holder of an
 * incremental backup's contents is often a full backup as large as the one restored.
 *
 * @param backup the backup whose archive it is
 * @param byName wanted items by the member that holds their content
 * @param <T>    what is wanted of each content (destinations, entries)
 */
record WantedMembers<T>(BackupMetadata backup, Map<String, List<T>> byName) {

    /** Members of {@code manifest}'s own archive holding contents of {@code wanted} (items by SHA-256). */
    static <T> WantedMembers<T> of(Manifest manifest, Map<String, List<T>> wanted) {
        Map<String, List<T>> byName = new HashMap<>();
        String id = manifest.backup().backupId();
        manifest.files().forEach(entry -> add(id, entry, wanted, byName));
        return new WantedMembers<>(manifest.backup(), byName);
    }

    /** Members of backup {@code holderId}'s archive holding contents of {@code wanted}, from its manifest. */
    static <T> WantedMembers<T> read(Repository repository, String holderId, Map<String, List<T>> wanted) {
        Map<String, List<T>> byName = new HashMap<>();
        Manifest header = repository.manifest(holderId, entry -> add(holderId, entry, wanted, byName));
        return new WantedMembers<>(header.backup(), byName);
    }

    private static <T> void add(String id, FileEntry entry, Map<String, List<T>> wanted, Map<String, List<T>> byName) {
        if (entry.isFile() && id.equals(entry.storedIn())) {
            List<T> items = wanted.get(entry.sha256());
            if (items != null) {
                byName.put(entry.path(), items);
            }
        }
    }
}
