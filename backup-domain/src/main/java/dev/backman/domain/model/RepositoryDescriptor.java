package dev.backman.domain.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The repository's identity card, {@code backman.repo.json}.
 *
 * <p>Format versions: 1 is the first; 2 adds {@code repository_id} to every manifest, so that a manifest copied in
 * from another repository is refused instead of being taken for one of this repository's backups. This version of
 * backman reads formats {@link #OLDEST_FORMAT} to {@link #CURRENT_FORMAT} and creates new repositories at
 * {@link #CURRENT_FORMAT}; an older repository is read and written as it is until it is upgraded explicitly.
 *
 * @param formatVersion repository format version
 * @param repositoryId  random id (UUID) naming this repository, e.g. for per-user catalog directories
 * @param createdAt     when the repository was created
 */
public record RepositoryDescriptor(int formatVersion, String repositoryId, OffsetDateTime createdAt) {
    /** The format of new repositories, and the newest this version of backman reads. */
    public static final int CURRENT_FORMAT = 2;
    /** The oldest format this version of backman reads. */
    public static final int OLDEST_FORMAT = 1;

    /**
     * Checks the required fields.
     *
     * @param formatVersion repository format version
     * @param repositoryId random id (UUID) naming this repository, e.g. for per-user catalog directories
     * @param createdAt when the repository was created
     * @throws NullPointerException when {@code repositoryId} or {@code createdAt} is null
     */
    public RepositoryDescriptor {
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Whether this version of backman can read a repository of {@code formatVersion}.
     *
     * @param formatVersion a repository's format version
     * @return true for {@link #OLDEST_FORMAT} to {@link #CURRENT_FORMAT}
     */
    public static boolean readable(int formatVersion) {
        return formatVersion >= OLDEST_FORMAT && formatVersion <= CURRENT_FORMAT;
    }

    /**
     * The same descriptor at another format version.
     *
     * @param version the new format version
     * @return a descriptor with the same id and creation time
     */
    public RepositoryDescriptor withFormatVersion(int version) {
        return new RepositoryDescriptor(version, repositoryId, createdAt);
    }
}
