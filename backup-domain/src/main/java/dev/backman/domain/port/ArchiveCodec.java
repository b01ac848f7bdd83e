package dev.backman.domain.port;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Reads an archive once, front to back, as its bytes stream past: how a backup checks the archive it is
     * writing without reading it again from storage. A tar archive reads as with
     * {@link #newReader(CompressionType, StoredObject)}. A zip's entries are read from their local headers, which
     * carry no Unix mode: every entry that is not a directory comes as a {@link ArchiveItem.Kind#FILE} (a symbolic
     * link's content is its target) with mode -1; the central directory at the end is compared with the entries
     * read (names, offsets, methods, sizes, CRC-32), and any difference fails the {@code next()} that reaches it.
     *
     * @param type the archive's format
     * @param key  names the archive in error messages
     * @param in   the archive's bytes, read to their end; closed with the reader
     * @return the reader; the caller closes it
     * @throws IOException when the archive cannot be opened
     */
    ArchiveReader newStreamReader(CompressionType type, String key, InputStream in) throws IOException;
}
