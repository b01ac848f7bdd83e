package dev.backman.domain.port;

import java.io.IOException;
import java.io.OutputStream;

/** An object being written. Closing it without {@link #commit()} discards everything written. */
public interface StagedObject extends AutoCloseable {

    /** The stream to write the object's bytes to. Do not close it; commit or close this object instead. */
    OutputStream output();

    /** Makes the bytes durable and publishes them under the key, atomically. Returns the object's size. */
    long commit() throws IOException;

    /** Discards the object if it was not committed. Idempotent. */
    @Override
    void close();
}
