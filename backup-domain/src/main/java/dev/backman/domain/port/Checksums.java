package dev.backman.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** SHA-256 of contents, as lower-case hex. */
public interface Checksums {

    String sha256(Path file) throws IOException;

    /** Reads the stream to its end. */
    String sha256(InputStream in) throws IOException;
}
