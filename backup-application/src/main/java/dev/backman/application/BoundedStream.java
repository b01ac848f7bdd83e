package dev.backman.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes and counts them; the caller never closes the archive's stream through it.
 * Used so that an entry inflating far beyond its recorded size is cut short (a zip bomb costs nothing).
 */
final class BoundedStream extends FilterInputStream {
    private long remaining;
    private long count;

    BoundedStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            remaining--;
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
            count += n;
        }
        return n;
    }

    @Override
    public void close() {
        // the archive reader owns the underlying stream
    }
}
