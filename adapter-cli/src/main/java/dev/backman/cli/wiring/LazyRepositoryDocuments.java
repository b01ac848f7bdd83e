package dev.backman.cli.wiring;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.port.RepositoryDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates the documents adapter on first use. Setting up its JSON mapper costs a good part of a short command's
 * run time, and {@code list} and {@code status} never read a manifest.
 */
final class LazyRepositoryDocuments implements RepositoryDocuments {
    private final Supplier<RepositoryDocuments> factory;
    private RepositoryDocuments delegate;

    LazyRepositoryDocuments(Supplier<RepositoryDocuments> factory) {
        this.factory = factory;
    }

    @Override
    public byte[] encodeManifest(Manifest manifest) {
        return delegate().encodeManifest(manifest);
    }

    @Override
    public void writeManifest(Manifest manifest, OutputStream out) throws IOException {
        delegate().writeManifest(manifest, out);
    }

    @Override
    public Manifest decodeManifest(byte[] bytes) throws IOException {
        return delegate().decodeManifest(bytes);
    }

    @Override
    public Manifest decodeManifest(byte[] bytes, Consumer<FileEntry> entries) throws IOException {
        return delegate().decodeManifest(bytes, entries);
    }

    @Override
    public byte[] encodeDescriptor(RepositoryDescriptor descriptor) {
        return delegate().encodeDescriptor(descriptor);
    }

    @Override
    public RepositoryDescriptor decodeDescriptor(byte[] bytes) throws IOException {
        return delegate().decodeDescriptor(bytes);
    }

    @Override
    public byte[] withFormatVersion(byte[] descriptor, int formatVersion) throws IOException {
        return delegate().withFormatVersion(descriptor, formatVersion);
    }

    private synchronized RepositoryDocuments delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }
}
