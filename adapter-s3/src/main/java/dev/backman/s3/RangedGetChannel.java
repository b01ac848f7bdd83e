package dev.backman.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a remote object that fetches a window of {@code readAhead} bytes per request, because zip
 * readers seek and then read small pieces. A window near the end is placed to end at the object's end, so the zip's
 * end record and the central directory before it usually arrive with one request.
 */
final class RangedGetChannel implements SeekableByteChannel {
    /** Fetches exactly {@code length} bytes starting at {@code start}. */
    @FunctionalInterface
    interface RangeReader {
        void read(long start, byte[] into, int length) throws IOException;
    }

    private final long size;
    private final int readAhead;
    private final RangeReader reader;
    private byte[] window;
    private long windowStart;
    private int windowLength;
    private long position;
    private boolean open = true;

    RangedGetChannel(long size, int readAhead, RangeReader reader) {
        this.size = size;
        this.readAhead = readAhead;
        this.reader = reader;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        requireOpen();
        if (position >= size) {
            return -1;
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (window == null || position < windowStart || position >= windowStart + windowLength) {
            fill();
        }
        int offset = (int) (position - windowStart);
        int n = Math.min(dst.remaining(), windowLength - offset);
        dst.put(window, offset, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        if (window == null) {
            window = new byte[(int) Math.min(readAhead, size)];
        }
        long start = Math.max(0, Math.min(position, size - window.length));
        int length = (int) Math.min(window.length, size - start);
        windowLength = 0; // a failed fetch must not leave a half-filled window that looks valid
        reader.read(start, window, length);
        windowStart = start;
        windowLength = length;
    }

    @Override
    public long position() throws IOException {
        requireOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        requireOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        requireOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        window = null;
    }

    private void requireOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
