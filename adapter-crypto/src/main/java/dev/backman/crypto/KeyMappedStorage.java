package dev.backman.crypto;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw view of an {@link EncryptedArchiveStorage}: the same logical keys, the bytes as stored (ciphertext). Used
 * to copy a backup to a replica byte for byte.
 */
final class KeyMappedStorage implements ArchiveStorage {
    private final ArchiveStorage inner;

    KeyMappedStorage(ArchiveStorage inner) {
        this.inner = inner;
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public StagedObject stage(String key) {
        return inner.stage(CipherKeys.stored(key));
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return inner.find(CipherKeys.stored(key)).map(object -> renamed(key, object));
    }

    @Override
    public Optional<byte[]> read(String key) {
        return inner.read(CipherKeys.stored(key));
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return inner.list(prefix).stream()
                .map(info -> {
                    String logical = CipherKeys.logical(info.key());
                    return logical == null ? null : new ObjectInfo(logical, info.size());
                })
                .filter(Objects::nonNull)
                .toList();
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
    public void close() {
        inner.close();
    }

    private static StoredObject renamed(String key, StoredObject object) {
        return new StoredObject() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public long size() {
                return object.size();
            }

            @Override
            public InputStream openStream() throws IOException {
                return object.openStream();
            }

            @Override
            public SeekableByteChannel openChannel() throws IOException {
                return object.openChannel();
            }
        };
    }
}
