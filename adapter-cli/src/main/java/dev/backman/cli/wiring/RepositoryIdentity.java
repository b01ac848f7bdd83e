package dev.backman.cli.wiring;

import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryDocuments;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;

/** The id in a repository's {@code backman.repo.json}, which names its per-user catalog. */
final class RepositoryIdentity {
    private final ArchiveStorage storage;
    private final RepositoryDocuments documents;

    RepositoryIdentity(ArchiveStorage storage, RepositoryDocuments documents) {
        this.storage = storage;
        this.documents = documents;
    }

    String id() {
        StoredObject descriptor = storage.find(RepositoryLayout.DESCRIPTOR).orElseThrow(() -> new StorageFailure(
                storage.location(), "no backman repository here (create one with `backman init` or `backman backup`)",
                false, null));
        String id;
        try (InputStream in = descriptor.openStream()) {
            id = documents.decodeDescriptor(in.readAllBytes()).repositoryId();
        } catch (IOException e) {
            throw new RepositoryFormatMismatch(storage.location(), RepositoryLayout.DESCRIPTOR
                    + " is not a backman repository descriptor: " + e.getMessage());
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) { // it names a local file
            throw new RepositoryFormatMismatch(storage.location(), "repository id '" + id + "' in "
                    + RepositoryLayout.DESCRIPTOR + " is not a valid id");
        }
        return id;
    }
}
