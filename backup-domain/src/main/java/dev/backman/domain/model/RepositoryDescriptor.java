package dev.backman.domain.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The repository's identity card, {@code backman.repo.json}.
 *
 * @param formatVersion repository format version
 * @param repositoryId  random id (UUID) naming this repository, e.g. for per-user catalog directories
 * @param createdAt     when the repository was created
 */
public record RepositoryDescriptor(int formatVersion, String repositoryId, OffsetDateTime createdAt) {
    public static final int CURRENT_FORMAT = 1;

    public RepositoryDescriptor {
        Objects.requireNonNull(repositoryId, "repositoryId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
