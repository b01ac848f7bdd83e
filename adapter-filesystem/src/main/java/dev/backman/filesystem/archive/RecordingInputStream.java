package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Passes a stream's bytes through, counting them, and keeps a copy of those from a chosen position on. The position
 * may lie a little behind the bytes read already, since a reader above may have read ahead: the latest bytes are
 * held in a window for that. Skipping reads (InputStream's own skip), so skipped bytes are counted and kept too.
 */
final class RecordingInputStream extends InputStream {

    private final InputStream in;
    private final byte[] window;
    private final long keepAtMost;
    private long position;
    private long keepFrom = -1;
    private byte[] kept = new byte[512];
    private int keptLength;

    /**
     * @param window     how many of the latest bytes can still be kept after they were read
     * @param keepAtMost most bytes kept at once; more fail the read
     */
    RecordingInputStream(InputStream in, int window, long keepAtMost) {
        this.in = in;
        this.window = new byte[window];
        this.keepAtMost = Math.min(keepAtMost, Integer.MAX_VALUE - 8);
    }

    /** Bytes read through this stream so far. */
    long position() {
        return position;
    }

    /** Keeps the bytes from {@code from} on (dropping those kept before), including those read already. */
    void keepFrom(long from) throws IOException {
        long oldest = position - Math.min(position, window.length);
        if (from < oldest) {
            throw new IOException("cannot keep the bytes from offset " + from + ": the stream is at " + position);
        }
        keepFrom = from;
        keptLength = 0;
        for (long p = from; p < position; ) { // the window's bytes from there, in at most two pieces
            int at = (int) (p % window.length);
            int count = (int) Math.min(position - p, window.length - at);
            keep(window, at, count);
            p += count;
        }
    }

    /** Keeps nothing more, until the next {@link #keepFrom(long)}. */
    void stopKeeping() {
        keepFrom = -1;
        keptLength = 0;
    }

    /** How many bytes are kept. */
    int keptLength() {
        return keptLength;
    }

    /** The bytes kept, read-only and not copied: valid until the next read or {@link #keepFrom(long)}. */
    ByteBuffer keptBytes() {
        return ByteBuffer.wrap(kept, 0, keptLength).asReadOnlyBuffer();
    }

    /** The kept byte at {@code index}, as an unsigned value. */
    int keptByte(int index) {
        if (index >= keptLength) {
            throw new IndexOutOfBoundsException(index + " of " + keptLength + " kept bytes");
        }
        return kept[index] & 0xff;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            record(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            record(b, off, n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void record(byte[] b, int off, int n) throws IOException {
        if (keepFrom >= 0) {
            int skip = (int) Math.max(0, Math.min(n, keepFrom - position));
            keep(b, off + skip, n - skip);
        }
        // the window keeps the latest bytes, oldest overwritten first
        int start = n > window.length ? off + n - window.length : off;
        for (int i = start; i < off + n; ) {
            int at = (int) ((position + i - off) % window.length);
            int count = Math.min(off + n - i, window.length - at);
            System.arraycopy(b, i, window, at, count);
            i += count;
        }
        position += n;
    }

    /** Appends {@code count} bytes from {@code b} at {@code from} to those kept, in one copy. */
    private void keep(byte[] b, int from, int count) throws IOException {
        if (count <= 0) {
            return;
        }
        if (keptLength + (long) count > kept.length) {
            if (keptLength + (long) count > keepAtMost) {
                throw new IOException("more than " + keepAtMost + " bytes to keep");
            }
            kept = Arrays.copyOf(kept, (int) Math.min(keepAtMost, Math.max((long) kept.length * 2,
                    keptLength + (long) count)));
        }
        System.arraycopy(b, from, kept, keptLength, count);
        keptLength += count;
    }
}
