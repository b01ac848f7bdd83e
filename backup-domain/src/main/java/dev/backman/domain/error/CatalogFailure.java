package dev.backman.domain.error;

/** The catalog cannot be opened or used; the repository's manifests are untouched. */
public final class CatalogFailure extends BackupException {
    public CatalogFailure(String problem, Throwable cause) {
        super("catalog: " + problem, cause);
    }
}
