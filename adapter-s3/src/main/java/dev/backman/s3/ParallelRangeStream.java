package dev.backman.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A sequential read of a whole object as ranged GETs running ahead in parallel, as {@code aws s3 cp} does: up to
 * {@code parallelism} ranges of {@code rangeSize} bytes are fetched at once and handed out in order, so the network
 * waits neither for the reader nor for one connection. The buffer of a range that has been read is reused for the
 * next range to fetch, so at most {@code parallelism + 1} buffers exist whatever the object's size. A range that
 * fails (after the range reader's own retries) fails the read at its place in the stream, after every byte before it.
 */
final class ParallelRangeStream extends InputStream {
    private static final Range NONE = new Range(new byte[0], 0);

    private final long size;
    private final int rangeSize;
    private final RangedGetChannel.RangeReader reader;
    private final ExecutorService pool;
    private final Deque<Future<Range>> ahead = new ArrayDeque<>();
    private long scheduled;
    private Range current = NONE;
    private int offset;
    private IOException failure;
    private boolean closed;

    private record Range(byte[] buffer, int length) {
    }

    ParallelRangeStream(long size, int rangeSize, int parallelism, RangedGetChannel.RangeReader reader,
            ExecutorService pool) {
        if (size < 0 || rangeSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("size " + size + ", range " + rangeSize + ", parallelism "
                    + parallelism);
        }
        this.size = size;
        this.rangeSize = rangeSize;
        this.reader = reader;
        this.pool = pool;
        while (ahead.size() < parallelism && scheduled < size) {
            fetchNext(null);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, bytes.length);
        requireReadable();
        if (len == 0) {
            return 0;
        }
        if (offset == current.length() && !advance()) {
            return -1;
        }
        int n = Math.min(len, current.length() - offset);
        System.arraycopy(current.buffer(), offset, bytes, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        requireReadable();
        return current.length() - offset;
    }

    /** Stops fetching: ranges not started are dropped, those running finish into buffers nobody reads. */
    @Override
    public void close() {
        closed = true;
        ahead.forEach(range -> range.cancel(false));
        ahead.clear();
        current = NONE;
        offset = 0;
    }

    private boolean advance() throws IOException {
        Future<Range> next = ahead.poll();
        if (next == null) {
            return false;
        }
        byte[] spent = current.buffer();
        current = NONE;
        offset = 0;
        current = await(next);
        if (scheduled < size) {
            // the range just read is done with its buffer: the next fetch reuses it rather than allocating
            fetchNext(spent.length >= rangeSize ? spent : null);
        }
        return true;
    }

    private void fetchNext(byte[] recycled) {
        long start = scheduled;
        int length = (int) Math.min(rangeSize, size - start);
        byte[] buffer = recycled != null ? recycled : new byte[length];
        scheduled += length;
        ahead.add(pool.submit(() -> {
            reader.read(start, buffer, length);
            return new Range(buffer, length);
        }));
    }

    private Range await(Future<Range> range) throws IOException {
        try {
            return range.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while waiting for a ranged read");
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime; // e.g. the StorageFailure of a request the SDK gave up on
            }
            if (cause instanceof Error error) {
                throw error;
            }
            failure = cause instanceof IOException io ? io : new IOException(cause);
            throw failure;
        }
    }

    private void requireReadable() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
