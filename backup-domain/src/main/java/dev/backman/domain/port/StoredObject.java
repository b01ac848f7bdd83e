package dev.backman.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/** A committed object that can be read as a stream, or randomly (zip's central directory is at the end). */
public interface StoredObject {

    String key();

    long size();

    InputStream openStream() throws IOException;

    SeekableByteChannel openChannel() throws IOException;
}
