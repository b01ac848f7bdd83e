package dev.backman.filesystem.archive;

import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A stored object backed by a local file, for reading archives in tests. */
record PathStoredObject(Path file) implements StoredObject {

    @Override
    public String key() {
        return file.getFileName().toString();
    }

    @Override
    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream openStream() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }
}
