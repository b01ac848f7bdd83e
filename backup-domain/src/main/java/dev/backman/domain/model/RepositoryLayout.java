package dev.backman.domain.model;

/** Object keys of a repository (same on disk and in S3, where they follow the prefix). */
public final class RepositoryLayout {
    public static final String DESCRIPTOR = "backman.repo.json";
    public static final String ARCHIVES = "archives/";
    public static final String MANIFESTS = "manifests/";
    public static final String LOCKS = "locks/";

    private RepositoryLayout() {
    }

    public static String archiveKey(String backupId, CompressionType type) {
        return ARCHIVES + backupId + "." + type.extension();
    }

    public static String manifestKey(String backupId) {
        return MANIFESTS + backupId + ".json";
    }

    /** The backup id of a manifest key, or null when the key is not a manifest's. */
    public static String backupIdOfManifest(String key) {
        if (!key.startsWith(MANIFESTS) || !key.endsWith(".json")) {
            return null;
        }
        String id = key.substring(MANIFESTS.length(), key.length() - ".json".length());
        return BackupId.isValid(id) ? id : null;
    }
}
