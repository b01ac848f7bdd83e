package dev.backman.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Bytes handed from one thread to another through a small bounded queue of chunks, so that one thread can
 * decompress an archive while another hashes what comes out. Memory stays bounded by the queue's capacity.
 */
final class HandoffStream extends InputStream {
    private static final int QUEUED = 8;
    private static final Chunk END = new Chunk(new byte[0], 0);
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED);
    /** Buffers of {@link #handOver} chunks the consumer has finished with, for the producer to fill again. */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED + 2);
    private Chunk current = new Chunk(new byte[0], 0);
    private int position;
    private boolean ended;

    /** A queued piece of data: the first {@code length} bytes of {@code bytes}; {@code recycled} if handed over. */
    private record Chunk(byte[] bytes, int length, boolean recycled, IOException failure) {
        Chunk(byte[] bytes, int length) {
            this(bytes, length, false, null);
        }
    }

    /** Producer side: copies and enqueues a chunk, waiting while the consumer is behind. */
    void offer(byte[] buffer, int length) throws InterruptedIOException {
        byte[] copy = new byte[length];
        System.arraycopy(buffer, 0, copy, 0, length);
        put(new Chunk(copy, length));
    }

    /**
     * Producer side: enqueues the first {@code length} bytes of {@code buffer} without copying them, waiting while
     * the consumer is behind, and gives back a buffer of the same size to fill next (one the consumer finished with,
     * when there is one). The producer must not touch {@code buffer} again.
     */
    byte[] handOver(byte[] buffer, int length) throws InterruptedIOException {
        put(new Chunk(buffer, length, true, null));
        byte[] next = spare.poll();
        return next != null && next.length == buffer.length ? next : new byte[buffer.length];
    }

    /** Producer side: marks the end of the data. */
    void end() throws InterruptedIOException {
        put(END);
    }

    /**
     * Producer side: ends the data with a failure to get the rest of it; the consumer's next read, after the data
     * handed over before, throws an {@link IOException} with its message and cause.
     */
    void fail(IOException cause) throws InterruptedIOException {
        put(new Chunk(new byte[0], 0, false, cause));
    }

    private void put(Chunk chunk) throws InterruptedIOException {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing data over");
        }
    }

    /**
     * Consumer side: discards what is left, so a producer never waits for a consumer that gave up. A failure the
     * producer handed over ends it like the end of the data.
     */
    void drain() throws IOException {
        byte[] skip = new byte[8192];
        try {
            while (read(skip, 0, skip.length) >= 0) {
                // discard
            }
        } catch (IOException e) {
            if (current.failure() == null) {
                throw e;
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (position == current.length()) {
            if (current.failure() != null) {
                throw new IOException(current.failure().getMessage(), current.failure());
            }
            if (ended) {
                return -1;
            }
            if (current.recycled()) {
                spare.offer(current.bytes()); // dropped if the producer has enough
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for data");
            }
            position = 0;
            ended = current == END;
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, n);
        position += n;
        return n;
    }
}
