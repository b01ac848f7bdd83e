package dev.backman.cli.wiring;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.port.RepositoryDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/** The documents, with the wrapped data key added to the descriptor of a new encrypted repository. */
final class SealingDocuments implements RepositoryDocuments {
    private final RepositoryDocuments inner;
    private final RepositoryKeyring keyring;

    SealingDocuments(RepositoryDocuments inner, RepositoryKeyring keyring) {
        this.inner = inner;
        this.keyring = keyring;
    }

    @Override
    public byte[] encodeManifest(Manifest manifest) {
        return inner.encodeManifest(manifest);
    }

    @Override
    public void writeManifest(Manifest manifest, OutputStream out) throws IOException {
        inner.writeManifest(manifest, out);
    }

    @Override
    public Manifest decodeManifest(byte[] bytes) throws IOException {
        return inner.decodeManifest(bytes);
    }

    @Override
    public Manifest decodeManifest(byte[] bytes, Consumer<FileEntry> entries) throws IOException {
        return inner.decodeManifest(bytes, entries);
    }

    @Override
    public byte[] encodeDescriptor(RepositoryDescriptor descriptor) {
        byte[] plain = inner.encodeDescriptor(descriptor);
        return keyring.newEnvelope().map(envelope -> keyring.section().write(plain, envelope)).orElse(plain);
    }

    @Override
    public RepositoryDescriptor decodeDescriptor(byte[] bytes) throws IOException {
        return inner.decodeDescriptor(bytes);
    }

    @Override
    public byte[] withFormatVersion(byte[] descriptor, int formatVersion) throws IOException {
        return inner.withFormatVersion(descriptor, formatVersion);
    }
}
