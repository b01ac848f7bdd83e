package dev.backman.domain.port;

import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import java.io.IOException;

/** Encodes the repository's documents (manifests, {@code backman.repo.json}) as bytes. */
public interface RepositoryDocuments {

    byte[] encodeManifest(Manifest manifest);

    /** Decodes a manifest; throws {@link IOException} when the bytes are not a complete, valid manifest. */
    Manifest decodeManifest(byte[] bytes) throws IOException;

    byte[] encodeDescriptor(RepositoryDescriptor descriptor);

    RepositoryDescriptor decodeDescriptor(byte[] bytes) throws IOException;
}
