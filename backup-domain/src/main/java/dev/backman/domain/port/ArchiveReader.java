package dev.backman.domain.port;

import java.io.IOException;
import java.util.Optional;

/** Reads an archive's entries in order. Each item's content is valid until the next call to {@link #next()}. */
public interface ArchiveReader extends AutoCloseable {

    /**
     * The next entry, or empty at the end of the archive.
     *
     * @return the entry, or empty
     * @throws IOException the archive cannot be read or is damaged
     */
    Optional<ArchiveItem> next() throws IOException;

    @Override
    void close() throws IOException;
}
