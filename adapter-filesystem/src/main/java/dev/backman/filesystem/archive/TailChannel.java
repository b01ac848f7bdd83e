package dev.backman.filesystem.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over the end of an object whose earlier bytes are gone: {@code tail} holds the bytes from
 * {@code start} to the end. Reading before {@code start} fails, which is how a zip's central directory is read
 * on its own, after the entries before it have streamed past.
 */
final class TailChannel implements SeekableByteChannel {

    private final long start;
    private final byte[] tail;
    private long position;
    private boolean open = true;

    TailChannel(long start, byte[] tail) {
        this.start = start;
        this.tail = tail;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= size()) {
            return -1;
        }
        if (position < start) {
            throw new IOException("offset " + position + " lies before the end part kept, which starts at " + start);
        }
        int from = (int) (position - start);
        int n = Math.min(dst.remaining(), tail.length - from);
        dst.put(tail, from, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return start + tail.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
