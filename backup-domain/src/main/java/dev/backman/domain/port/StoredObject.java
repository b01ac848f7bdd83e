package dev.backman.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/** A committed object that can be read as a stream, or randomly (zip's central directory is at the end). */
public interface StoredObject {

    /**
     * The object's key.
     *
     * @return the repository key, e.g. {@code archives/b1.zip}
     */
    String key();

    /**
     * The object's size.
     *
     * @return bytes as stored
     */
    long size();

    /**
     * Opens the object for reading from the start.
     *
     * @return a stream; the caller closes it
     * @throws IOException it cannot be opened
     */
    InputStream openStream() throws IOException;

    /**
     * Opens the object for random reads.
     *
     * @return a channel; the caller closes it
     * @throws IOException it cannot be opened
     */
    SeekableByteChannel openChannel() throws IOException;
}
