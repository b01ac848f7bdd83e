package dev.backman.filesystem.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files holding the payload of zip entries too big to keep in memory until their turn comes: a zip
 * entry's header, written first, needs the compressed size and CRC. Each file is removed once copied into the
 * archive, and whatever is left is removed by {@link #close()}, also after a failure. Thread-safe.
 */
final class SpillFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpillFiles.class);

    private final Path directory;
    private final Set<Path> live = ConcurrentHashMap.newKeySet();

    /** @param directory where the files go; null for the system's temporary directory */
    SpillFiles(Path directory) {
        this.directory = directory;
    }

    /** A new empty file, removed by {@link Spilled#release()} or by {@link #close()}. */
    Spilled create() throws IOException {
        Path file = directory == null
                ? Files.createTempFile("backman-zip-", ".part")
                : Files.createTempFile(directory, "backman-zip-", ".part");
        live.add(file);
        return new Spilled(file);
    }

    @Override
    public void close() {
        live.forEach(this::delete);
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not remove {}", file, e);
        }
        live.remove(file);
    }

    /** One spilled payload. */
    final class Spilled implements ZipPayload {
        private final Path file;

        private Spilled(Path file) {
            this.file = file;
        }

        Path file() {
            return file;
        }

        @Override
        public InputStream open() throws IOException {
            return new BufferedInputStream(Files.newInputStream(file), IoBuffers.SIZE);
        }

        @Override
        public void release() {
            delete(file);
        }
    }
}
