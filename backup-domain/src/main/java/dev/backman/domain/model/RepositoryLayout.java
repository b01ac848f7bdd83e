package dev.backman.domain.model;

/** Object keys of a repository (same on disk and in S3, where they follow the prefix). */
public final class RepositoryLayout {
    /** The repository's descriptor: format version, id, creation time (and encryption parameters). */
    public static final String DESCRIPTOR = "backman.repo.json";
    /** The prefix of archives. */
    public static final String ARCHIVES = "archives/";
    /** The prefix of manifests. */
    public static final String MANIFESTS = "manifests/";
    /** The prefix of lock records. */
    public static final String LOCKS = "locks/";

    private RepositoryLayout() {
    }

    /**
     * The key of a backup's archive.
     *
     * @param backupId the backup
     * @param type     its format
     * @return {@code archives/<id>.<extension>}
     */
    public static String archiveKey(String backupId, CompressionType type) {
        return ARCHIVES + backupId + "." + type.extension();
    }

    /**
     * The key of a backup's manifest.
     *
     * @param backupId the backup
     * @return {@code manifests/<id>.json}
     */
    public static String manifestKey(String backupId) {
        return MANIFESTS + backupId + ".json";
    }

    /**
     * The backup id of a manifest key, or null when the key is not a manifest's.
     *
     * @param key a repository key
     * @return the backup id, or null
     */
    public static String backupIdOfManifest(String key) {
        if (!key.startsWith(MANIFESTS) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(MANIFESTS.length(), key.length() - ".json".length());
        return BackupId.isValid(id) ? id : null;
    }
}
