package dev.backman.domain.error;

/** The catalog cannot be opened or used; the repository's manifests are untouched. */
public final class CatalogFailure extends BackupException {
    /**
     * A catalog that cannot be opened or used.
     *
     * @param problem what is wrong and what to do (e.g. run {@code backman catalog rebuild})
     * @param cause   the underlying failure, or null
     */
    public CatalogFailure(String problem, Throwable cause) {
        super("catalog: " + problem, cause);
    }
}
