package dev.backman.application;

import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/** An object that can be read once, as a stream: the bytes of an archive on their way to storage. */
final class StreamedObject implements StoredObject {
    private final String key;
    private final InputStream stream;

    StreamedObject(String key, InputStream stream) {
        this.key = key;
        this.stream = stream;
    }

    @Override
    public String key() {
        return key;
    }

    /** Unknown until the stream ends. */
    @Override
    public long size() {
        return -1;
    }

    @Override
    public InputStream openStream() {
        return stream;
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        throw new IOException(key + " can only be read as a stream");
    }
}
