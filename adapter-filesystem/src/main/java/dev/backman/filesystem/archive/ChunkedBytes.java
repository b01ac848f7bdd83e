package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes held in pooled chunks: a file read into memory, or its compressed form. Written by one thread, then
 * handed over (through a future) to the thread that copies it into the zip.
 */
final class ChunkedBytes implements ZipPayload {

    private static final int CHUNK = ChunkPool.CHUNK_SIZE;

    private final ChunkPool pool;
    private final List<byte[]> chunks = new ArrayList<>();
    private long length;

    ChunkedBytes(ChunkPool pool) {
        this.pool = pool;
    }

    long length() {
        return length;
    }

    int chunkCount() {
        return (int) ((length + CHUNK - 1) / CHUNK);
    }

    byte[] chunk(int index) {
        return chunks.get(index);
    }

    int lengthOf(int index) {
        return (int) Math.min(CHUNK, length - (long) index * CHUNK);
    }

    /** Appends up to {@code count} bytes of {@code in}; fewer only if it ends first. Returns how many were read. */
    long readFrom(InputStream in, long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            byte[] chunk = writable();
            int offset = writeOffset();
            int wanted = (int) Math.min(CHUNK - offset, remaining);
            int read = in.readNBytes(chunk, offset, wanted);
            advance(read);
            remaining -= read;
            if (read < wanted) {
                break;
            }
        }
        return count - remaining;
    }

    /** The chunk the next bytes go to, at {@link #writeOffset()}; a new one if the last is full. */
    byte[] writable() {
        if (writeOffset() == CHUNK) {
            chunks.add(pool.take());
        }
        return chunks.get(chunks.size() - 1);
    }

    int writeOffset() {
        return chunks.isEmpty() ? CHUNK : (int) (length - (long) (chunks.size() - 1) * CHUNK);
    }

    /** Counts {@code n} bytes just written at {@link #writeOffset()}. */
    void advance(int n) {
        length += n;
    }

    @Override
    public InputStream open() {
        return new Reader();
    }

    @Override
    public void release() {
        chunks.forEach(pool::give);
        chunks.clear();
        length = 0;
    }

    private final class Reader extends InputStream {
        private long position;

        @Override
        public int read() {
            if (position == length) {
                return -1;
            }
            byte b = chunks.get((int) (position / CHUNK))[(int) (position % CHUNK)];
            position++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position == length) {
                return -1;
            }
            int inChunk = (int) (position % CHUNK);
            int n = (int) Math.min(Math.min(len, CHUNK - inChunk), length - position);
            System.arraycopy(chunks.get((int) (position / CHUNK)), inChunk, b, off, n);
            position += n;
            return n;
        }
    }
}
