package dev.backman.domain.port;

import dev.backman.domain.error.StorageFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Where a repository's objects live (a directory, an S3 prefix). Keys are '/'-separated relative names such as
 * {@code archives/b1.tar.zst}. Writes are atomic: an object becomes visible under its key only when
 * {@link StagedObject#commit()} succeeds. Failures are reported as
 * {@link dev.backman.domain.error.StorageFailure}.
 */
public interface ArchiveStorage extends AutoCloseable {

    /**
     * Human-readable location, e.g. {@code /srv/backups} or {@code s3://bucket/prefix}.
     *
     * @return the location
     */
    String location();

    /**
     * Starts writing an object under a temporary name; it replaces {@code key} only on commit.
     *
     * @param key the object's key
     * @return the staged object; commit or close it
     */
    StagedObject stage(String key);

    /**
     * Writes a small object atomically.
     *
     * @param key   the object's key
     * @param bytes its contents
     */
    default void put(String key, byte[] bytes) {
        try (StagedObject staged = stage(key)) {
            staged.output().write(bytes);
            staged.commit();
        } catch (IOException e) {
            throw new StorageFailure(location(), "cannot write " + key + ": " + e.getMessage(),
                    false, e);
        }
    }

    /**
     * The object under {@code key}, or empty if there is none.
     *
     * @param key the object's key
     * @return the object, or empty
     */
    Optional<StoredObject> find(String key);

    /**
     * Reads a small object (a descriptor, manifest or lock record) whole. Object storage answers this with one
     * request, where {@link #find(String)} and a read take two.
     *
     * @param key the object's key
     * @return its contents, or empty if there is no such object
     */
    default Optional<byte[]> read(String key) {
        Optional<StoredObject> object = find(key);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = object.get().openStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new StorageFailure(location(), "cannot read " + key + ": " + e.getMessage(), false, e);
        }
    }

    /**
     * Every object whose key starts with {@code prefix}, sorted by key. Temporary objects are not listed.
     *
     * @param prefix a key prefix such as {@code manifests/}
     * @return the objects' keys and sizes
     */
    List<ObjectInfo> list(String prefix);

    /**
     * Removes the object; does nothing when it is absent.
     *
     * @param key the object's key
     */
    void delete(String key);

    /**
     * The same objects under the same keys, read and written as they are stored, for copying them byte for byte (a
     * replica of an encrypted repository holds the same ciphertext). A storage that stores what it is given is its
     * own raw view.
     *
     * @return the raw view
     */
    default ArchiveStorage raw() {
        return this;
    }

    /**
     * Whether this storage encrypts what it stores (archives and manifests).
     *
     * @return true for an encrypting storage
     */
    default boolean encrypts() {
        return false;
    }

    /** Removes temporary objects left by writers that died; call only while holding the repository lock. */
    void removeLeftovers();

    @Override
    void close();
}
