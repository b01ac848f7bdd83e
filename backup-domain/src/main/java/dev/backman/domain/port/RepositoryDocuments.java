package dev.backman.domain.port;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/** Encodes the repository's documents (manifests, {@code backman.repo.json}) as bytes. */
public interface RepositoryDocuments {

    /**
     * Encodes a manifest.
     *
     * @param manifest the manifest
     * @return its bytes, as stored in {@code manifests/<backup_id>.json}
     */
    byte[] encodeManifest(Manifest manifest);

    /**
     * Writes a manifest as {@link #encodeManifest(Manifest)} encodes it, into a stream, without holding its bytes
     * (tens of megabytes for a tree of 100,000 files) in memory. The stream is not closed.
     *
     * @param manifest the manifest
     * @param out      where its bytes go
     * @throws IOException when {@code out} fails
     */
    default void writeManifest(Manifest manifest, OutputStream out) throws IOException {
        out.write(encodeManifest(manifest));
    }

    /**
     * Decodes a manifest. A manifest without {@code repository_id} (repository format 1) decodes with a null
     * {@link Manifest#repositoryId()}.
     *
     * @param bytes the stored bytes
     * @return the manifest
     * @throws IOException when the bytes are not a complete, valid manifest
     */
    Manifest decodeManifest(byte[] bytes) throws IOException;

    /**
     * Decodes a manifest without holding its entries: each is handed to {@code entries} as it is read, in the
     * manifest's order, and the manifest returned lists none. For a reader that needs a few facts from each of
     * 100,000 entries, not the entries. A manifest that {@link #decodeManifest(byte[])} refuses is refused too,
     * perhaps after some of its entries were handed over.
     *
     * @param bytes   the stored bytes
     * @param entries receives every entry
     * @return the manifest, with an empty {@link Manifest#files()}
     * @throws IOException when the bytes are not a complete, valid manifest
     */
    default Manifest decodeManifest(byte[] bytes, Consumer<FileEntry> entries) throws IOException {
        Manifest whole = decodeManifest(bytes);
        whole.files().forEach(entries);
        return new Manifest(whole.formatVersion(), whole.repositoryId(), whole.backup(), whole.roots(), List.of());
    }

    /**
     * Encodes the descriptor of a new repository.
     *
     * @param descriptor the descriptor
     * @return the bytes of {@code backman.repo.json}
     */
    byte[] encodeDescriptor(RepositoryDescriptor descriptor);

    /**
     * Decodes {@code backman.repo.json}; fields this version does not know are ignored.
     *
     * @param bytes the stored bytes
     * @return the descriptor
     * @throws IOException when the bytes are not a valid descriptor
     */
    RepositoryDescriptor decodeDescriptor(byte[] bytes) throws IOException;

    /**
     * The stored descriptor with only its format version changed: every other field, those this version does not
     * know included (such as the encryption parameters of an encrypted repository), stays as it is.
     *
     * @param descriptor    the bytes of {@code backman.repo.json}
     * @param formatVersion the new format version
     * @return the bytes to store in its place
     * @throws IOException when the bytes are not a valid descriptor
     */
    byte[] withFormatVersion(byte[] descriptor, int formatVersion) throws IOException;
}
