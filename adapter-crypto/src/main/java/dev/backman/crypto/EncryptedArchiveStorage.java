package dev.backman.crypto;

import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Encrypts a repository's archives and manifests on their way into another storage and decrypts them on the way
 * out (Tink streaming AEAD, AES256_GCM_HKDF_1MB, the logical object key as associated data); see {@link CipherKeys}
 * for what stays in clear and how keys are stored. Sizes (of objects found and listed, and returned by commit) are
 * the stored, encrypted sizes, so what the catalog records matches what the storage lists. Archives keep random
 * access: {@link StoredObject#openChannel()} decrypts only the segments read.
 */
public final class EncryptedArchiveStorage implements ArchiveStorage {
    /** Archives smaller than this are read before the JIT would have compiled AES-GCM anyway. */
    private static final long WARM_UP_ABOVE = 8L << 20;
    private final ArchiveStorage inner;
    private final Supplier<DataKey> keySource;
    private final AtomicBoolean warmedUp = new AtomicBoolean();
    private DataKey key;

    /**
     * Encrypts into {@code inner} with the key {@code keySource} gives on first use (it may ask for a passphrase).
     *
     * @param inner     the storage that holds the encrypted objects
     * @param keySource gives the data key, once, when it is first needed
     */
    public EncryptedArchiveStorage(ArchiveStorage inner, Supplier<DataKey> keySource) {
        this.inner = inner;
        this.keySource = keySource;
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public StagedObject stage(String key) {
        if (CipherKeys.inClear(key)) {
            return inner.stage(key);
        }
        if (key.startsWith(RepositoryLayout.ARCHIVES)) {
            warmUp();
        }
        StagedObject staged = inner.stage(CipherKeys.stored(key));
        try {
            return new EncryptingStagedObject(staged, key().aead(), CipherKeys.associatedData(key));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            staged.close();
            throw new StorageFailure(location(), "cannot start encrypting " + key + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public Optional<StoredObject> find(String key) {
        if (CipherKeys.inClear(key)) {
            return inner.find(key);
        }
        Optional<StoredObject> stored = inner.find(CipherKeys.stored(key));
        if (stored.isPresent() && key.startsWith(RepositoryLayout.ARCHIVES) && stored.get().size() > WARM_UP_ABOVE) {
            warmUp();
        }
        return stored.map(object -> new DecryptingStoredObject(key, object, key().aead()));
    }

    /** One read of the stored object (one request on object storage), decrypted and authenticated in memory. */
    @Override
    public Optional<byte[]> read(String key) {
        if (CipherKeys.inClear(key)) {
            return inner.read(key);
        }
        Optional<byte[]> stored = inner.read(CipherKeys.stored(key));
        if (stored.isEmpty()) {
            return stored;
        }
        try (InputStream in = DecryptingStoredObject.decrypting(key, new ByteArrayInputStream(stored.get()),
                key().aead())) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new StorageFailure(location(), "cannot read " + key + ": " + e.getMessage(), false, e);
        }
    }

    /**
     * Once per storage, when the first large archive is to be encrypted or decrypted: see {@link GcmWarmup}. It runs
     * beside the first segments rather than before them, which only need the compiled code sooner.
     */
    private void warmUp() {
        if (!warmedUp.getAndSet(true)) {
            Thread warmUp = new Thread(new GcmWarmup(), "backman-gcm-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return raw().list(prefix);
    }

    @Override
    public void delete(String key) {
        inner.delete(CipherKeys.stored(key));
    }

    @Override
    public void removeLeftovers() {
        inner.removeLeftovers();
    }

    @Override
    public ArchiveStorage raw() {
        return new KeyMappedStorage(inner);
    }

    @Override
    public boolean encrypts() {
        return true;
    }

    @Override
    public void close() {
        inner.close();
    }

    private synchronized DataKey key() {
        if (key == null) {
            key = keySource.get();
        }
        return key;
    }
}
