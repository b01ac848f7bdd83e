package dev.backman.filesystem.archive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.parallel.ScatterGatherBackingStore;
import org.apache.commons.compress.parallel.ScatterGatherBackingStoreSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files that hold each compression thread's finished entries until the zip is assembled. Buffered
 * (the compressor writes in 4 KiB pieces), and all removed on {@link #close()}, also after a failure.
 */
final class TempFileBackingStores implements ScatterGatherBackingStoreSupplier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TempFileBackingStores.class);

    private final Path directory;
    private final List<Store> stores = new CopyOnWriteArrayList<>();

    /** @param directory where the files go; null for the system's temporary directory */
    TempFileBackingStores(Path directory) {
        this.directory = directory;
    }

    @Override
    public ScatterGatherBackingStore get() throws IOException {
        Path file = directory == null
                ? Files.createTempFile("backman-zip-", ".part")
                : Files.createTempFile(directory, "backman-zip-", ".part");
        Store store = new Store(file);
        stores.add(store);
        return store;
    }

    @Override
    public void close() {
        for (Store store : stores) {
            try {
                store.close();
            } catch (IOException e) {
                LOG.debug("could not remove {}", store.file, e);
            }
        }
        stores.clear();
    }

    private static final class Store implements ScatterGatherBackingStore {
        private final Path file;
        private final OutputStream out;
        private boolean closedForWriting;

        Store(Path file) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), IoBuffers.SIZE);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new BufferedInputStream(Files.newInputStream(file), IoBuffers.SIZE);
        }

        @Override
        public void writeOut(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
        }

        @Override
        public void closeForWriting() throws IOException {
            if (!closedForWriting) {
                closedForWriting = true;
                out.close();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                closeForWriting();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
