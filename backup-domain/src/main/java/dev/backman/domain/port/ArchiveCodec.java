package dev.backman.domain.port;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.io.OutputStream;

/** Writes and reads the standard archive formats. */
public interface ArchiveCodec {

    /** Starts an archive written to {@code out}; the writer never closes {@code out}. */
    ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException;

    /** Reads the archive stored in {@code archive}, entry by entry, in archive order. */
    ArchiveReader newReader(CompressionType type, StoredObject archive) throws IOException;
}
