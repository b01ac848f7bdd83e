package dev.backman.cli.output;

import dev.backman.domain.model.RepositoryDescriptor;
import java.time.OffsetDateTime;

/**
 * {@code init --json}: where the repository is and its descriptor.
 *
 * @param location      the repository's location
 * @param repositoryId  its id
 * @param formatVersion its format version
 * @param createdAt     when it was created
 */
public record InitJson(String location, String repositoryId, int formatVersion, OffsetDateTime createdAt) {

    public static InitJson of(String location, RepositoryDescriptor descriptor) {
        return new InitJson(location, descriptor.repositoryId(), descriptor.formatVersion(), descriptor.createdAt());
    }
}
