package dev.backman.filesystem.storage;

import dev.backman.domain.port.StoredObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A committed object on local disk, read straight from its file. */
record LocalStoredObject(String key, long size, Path file, StorageFailures failures) implements StoredObject {
    private static final int READ_BUFFER = 256 * 1024;

    @Override
    public InputStream openStream() throws IOException {
        try {
            return new BufferedInputStream(Files.newInputStream(file), READ_BUFFER);
        } catch (IOException e) {
            throw failures.of("cannot read " + key, e);
        }
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        try {
            return new BlockReadChannel(FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw failures.of("cannot read " + key, e);
        }
    }
}
