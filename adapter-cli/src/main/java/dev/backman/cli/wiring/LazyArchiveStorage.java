package dev.backman.cli.wiring;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens an offsite storage on first use; closing one that was never used does nothing. {@code list} and
 * {@code status} never touch the offsite copies, and an S3 one would load the AWS SDK for nothing.
 */
final class LazyArchiveStorage implements ArchiveStorage {
    private final Supplier<ArchiveStorage> factory;
    private ArchiveStorage delegate;

    LazyArchiveStorage(Supplier<ArchiveStorage> factory) {
        this.factory = factory;
    }

    @Override
    public String location() {
        return delegate().location();
    }

    @Override
    public StagedObject stage(String key) {
        return delegate().stage(key);
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return delegate().find(key);
    }

    @Override
    public Optional<byte[]> read(String key) {
        return delegate().read(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return delegate().list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate().delete(key);
    }

    @Override
    public void removeLeftovers() {
        delegate().removeLeftovers();
    }

    @Override
    public ArchiveStorage raw() {
        return delegate().raw();
    }

    @Override
    public boolean encrypts() {
        return delegate().encrypts();
    }

    @Override
    public synchronized void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    private synchronized ArchiveStorage delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }
}
