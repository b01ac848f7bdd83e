package dev.backman.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** SHA-256 of contents, as lower-case hex. */
public interface Checksums {

    /**
     * The SHA-256 of a file's contents.
     *
     * @param file the file
     * @return lower-case hex
     * @throws IOException the file cannot be read
     */
    String sha256(Path file) throws IOException;

    /**
     * The SHA-256 of a stream, read to its end.
     *
     * @param in the stream (not closed)
     * @return lower-case hex
     * @throws IOException the stream fails
     */
    String sha256(InputStream in) throws IOException;

    /**
     * A cheap fingerprint of a file: the SHA-256 of its first and last {@code edgeBytes} bytes (of all of it when it
     * is at most twice that long). Two files of one size whose fingerprints differ have different contents; equal
     * fingerprints say nothing about the bytes in between. The default returns the whole file's SHA-256, which
     * keeps that promise without being cheaper; implementations read only the ends.
     *
     * @param file      the file
     * @param edgeBytes how many bytes to read at each end; at least 1
     * @return lower-case hex
     * @throws IOException the file cannot be read
     */
    default String sha256OfEnds(Path file, int edgeBytes) throws IOException {
        return sha256(file);
    }
}
