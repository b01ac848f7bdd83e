package dev.backman.filesystem.storage;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Archive storage in a local directory: each key is a file below the root, written to {@code <root>/tmp/} first
 * and published by an atomic rename after fsync. The root is created by the first write only, so read-only
 * commands on a missing repository leave the disk untouched. Thread-safe.
 */
public final class LocalDiskArchiveStorage implements ArchiveStorage {
    private static final int TEMP_NAME_HINT = 64;

    private final ObjectPaths paths;
    private final String location;
    private final StorageFailures failures;

    /**
     * The repository in the directory {@code root}, created on first write.
     *
     * @param root the repository's directory
     */
    public LocalDiskArchiveStorage(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        this.paths = new ObjectPaths(absolute);
        this.location = absolute.toString();
        this.failures = new StorageFailures(location);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public StagedObject stage(String key) {
        Path target = paths.fileOf(key);
        try {
            Files.createDirectories(paths.tempDir());
            // createTempFile picks a random name and makes the file owner-only (0600), as restic and borg do
            Path temp = Files.createTempFile(paths.tempDir(), tempNameHint(target), ".part");
            return LocalStagedObject.open(key, temp, target, failures);
        } catch (IOException e) {
            throw failures.of("cannot write " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> find(String key) {
        Path file = paths.fileOf(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new LocalStoredObject(key, attributes.size(), file, failures));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failures.of("cannot read " + key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        try {
            return new PrefixListing(paths, prefix).run();
        } catch (IOException e) {
            throw failures.of("cannot list '" + prefix + "'", e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = paths.fileOf(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failures.of("cannot delete " + key, e);
        }
    }

    @Override
    public void removeLeftovers() {
        try {
            new TempCleanup(paths.tempDir()).run();
        } catch (IOException e) {
            throw failures.of("cannot remove temporary files", e);
        }
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    @Override
    public String toString() {
        return "LocalDiskArchiveStorage[" + location + "]";
    }

    private static String tempNameHint(Path target) {
        String name = target.getFileName().toString();
        return (name.length() > TEMP_NAME_HINT ? name.substring(0, TEMP_NAME_HINT) : name) + ".";
    }
}
