package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * An entry's bytes as handed to the caller: closing it is harmless (the archive stream underneath stays usable),
 * and read failures name the archive, since they mean it is corrupt or truncated.
 */
final class ItemContentStream extends InputStream {

    private final InputStream entry;
    private final String archiveKey;

    ItemContentStream(InputStream entry, String archiveKey) {
        this.entry = entry;
        this.archiveKey = archiveKey;
    }

    @Override
    public int read() throws IOException {
        try {
            return entry.read();
        } catch (IOException e) {
            throw ArchiveDamage.of(archiveKey, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return entry.read(b, off, len);
        } catch (IOException e) {
            throw ArchiveDamage.of(archiveKey, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return entry.skip(n);
        } catch (IOException e) {
            throw ArchiveDamage.of(archiveKey, e);
        }
    }

    @Override
    public int available() throws IOException {
        return entry.available();
    }

    @Override
    public void close() {
        // the reader owns the archive stream; the next entry or the reader's close releases it
    }
}
