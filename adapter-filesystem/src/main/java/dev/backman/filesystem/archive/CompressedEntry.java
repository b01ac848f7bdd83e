package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A zip entry whose header is complete (method, CRC, both sizes) and whose payload is ready: it is copied into
 * the archive as it is, which lets it be prepared on any thread and written later.
 */
record CompressedEntry(ZipArchiveEntry header, ZipPayload payload) {

    /** Memory an entry's header and bookkeeping take besides its payload, roughly. */
    static final int OVERHEAD = 512;

    /** Bytes of memory the entry holds until it is written. */
    long memory() {
        if (payload instanceof SmallPayload small) {
            return OVERHEAD + small.bytes().length;
        }
        if (payload instanceof ChunkedBytes chunks) {
            return OVERHEAD + (long) chunks.chunkCount() * ChunkPool.CHUNK_SIZE;
        }
        return OVERHEAD;
    }

    /** Appends the entry to {@code zip} and releases the payload. */
    void writeTo(ZipArchiveOutputStream zip) throws IOException {
        try (InputStream in = payload.open()) {
            zip.addRawArchiveEntry(header, in);
        } finally {
            payload.release();
        }
    }
}
