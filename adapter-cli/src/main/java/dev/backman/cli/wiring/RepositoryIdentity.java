package dev.backman.cli.wiring;

import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.RepositoryDocuments;
import java.io.IOException;

/** The id in a repository's {@code backman.repo.json}, which names its per-user catalog. */
final class RepositoryIdentity {
    private final ArchiveStorage storage;
    private final RepositoryDocuments documents;
    private final RepositoryKeyring keyring;

    RepositoryIdentity(ArchiveStorage storage, RepositoryDocuments documents, RepositoryKeyring keyring) {
        this.storage = storage;
        this.documents = documents;
        this.keyring = keyring;
    }

    /** The id; read from the storage only when the repository did not exist when it was opened (this run made it). */
    String id() {
        byte[] descriptor = keyring.descriptorAtOpen().or(() -> storage.read(RepositoryLayout.DESCRIPTOR))
                .orElseThrow(() -> new StorageFailure(
                storage.location(), "no backman repository here (create one with `backman init` or `backman backup`)",
                false, null));
        String id;
        try {
            id = documents.decodeDescriptor(descriptor).repositoryId();
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
