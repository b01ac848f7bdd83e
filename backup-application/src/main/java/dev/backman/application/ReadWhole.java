package dev.backman.application;

import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A small file that could be a copy, read whole by the archiver: its digest decides whether it is stored, and the
 * same bytes are what it stores. Hashed on the background thread instead, such a file was opened and read twice,
 * which on a tree of 100,000 small files cost more than the hashing itself.
 *
 * @param bytes  the file's contents, exactly its scanned size
 * @param sha256 their digest
 */
record ReadWhole(byte[] bytes, String sha256) {
    /** Files up to this size are read whole; larger candidates are fingerprinted and hashed ahead. */
    static final long MAX_SIZE = 2L * ContentHasher.EDGE_BYTES;

    /**
     * Reads {@code file}; null if it cannot be read or no longer has its scanned size: the archiver then stores it
     * from the file as usual, which reports it.
     */
    static ReadWhole of(ScannedEntry file, Checksums checksums) {
        try (InputStream in = Files.newInputStream(file.source())) {
            // into an array of the scanned size, then a read that must find the end: readNBytes(size + 1) filled a
            // buffer of its own and copied it, twice the bytes a full backup of 100,000 small files allocated
            byte[] bytes = new byte[(int) file.size()];
            boolean same = in.readNBytes(bytes, 0, bytes.length) == bytes.length && in.read() < 0;
            return same ? new ReadWhole(bytes, checksums.sha256(new ByteArrayInputStream(bytes))) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }
}
