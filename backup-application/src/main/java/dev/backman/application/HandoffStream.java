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
    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Producer side: copies and enqueues a chunk, waiting while the consumer is behind. */
    void offer(byte[] buffer, int length) throws InterruptedIOException {
        byte[] copy = new byte[length];
        System.arraycopy(buffer, 0, copy, 0, length);
        put(copy);
    }

    /** Producer side: marks the end of the data. */
    void end() throws InterruptedIOException {
        put(END);
    }

    private void put(byte[] chunk) throws InterruptedIOException {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing data over");
        }
    }

    /** Consumer side: discards what is left, so a producer never waits for a consumer that gave up. */
    void drain() throws IOException {
        byte[] skip = new byte[8192];
        while (read(skip, 0, skip.length) >= 0) {
            // discard
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (position == current.length) {
            if (ended) {
                return -1;
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
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
