package dev.backman.domain.port;

import java.io.IOException;
import java.io.OutputStream;

/** An object being written. Closing it without {@link #commit()} discards everything written. */
public interface StagedObject extends AutoCloseable {

    /**
     * The stream to write the object's bytes to. Do not close it; commit or close this object instead.
     *
     * @return the stream
     */
    OutputStream output();

    /**
     * Makes the bytes durable and publishes them under the key, atomically.
     *
     * @return the object's size as stored
     * @throws IOException the object cannot be written
     */
    long commit() throws IOException;

    /** Discards the object if it was not committed. Idempotent. */
    @Override
    void close();
}
