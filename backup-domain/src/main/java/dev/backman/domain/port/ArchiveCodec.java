package dev.backman.domain.port;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Writes and reads the standard archive formats. */
public interface ArchiveCodec {

    /**
     * Starts an archive written to {@code out}; the writer never closes {@code out}.
     *
     * @param type the archive format
     * @param out  where the archive goes
     * @return the writer
     * @throws IOException when the archive cannot be started
     */
    ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException;

    /**
     * Like {@link #newWriter(CompressionType, OutputStream)}, telling {@code bytesRead} how many bytes of the added
     * files' contents were read, as they are read: from whichever thread reads them (several at once when entries
     * are compressed in parallel), so it must be thread-safe and cheap. Codecs that cannot tell ignore it.
     *
     * @param type      the archive format
     * @param out       where the archive goes; never closed by the writer
     * @param bytesRead told of content bytes as they are read
     * @return the writer
     * @throws IOException when the archive cannot be started
     */
    default ArchiveWriter newWriter(CompressionType type, OutputStream out, LongConsumer bytesRead)
            throws IOException {
        return newWriter(type, out);
    }

    /**
     * Reads the archive stored in {@code archive}, entry by entry, in archive order.
     *
     * @param type    the archive's format
     * @param archive the stored archive
     * @return the reader; the caller closes it
     * @throws IOException when the archive cannot be opened
     */
    ArchiveReader newReader(CompressionType type, StoredObject archive) throws IOException;
}
