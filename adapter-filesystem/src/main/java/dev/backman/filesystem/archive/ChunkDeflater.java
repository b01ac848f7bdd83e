package dev.backman.filesystem.archive;

import java.util.zip.Deflater;

/** A raw deflater (as zip wants it) that writes into chunks. One thread at a time; reset between entries. */
final class ChunkDeflater implements AutoCloseable {

    private final Deflater deflater;

    ChunkDeflater(int level) {
        this.deflater = new Deflater(level, true);
    }

    /** Deflates {@code length} bytes of {@code input} until they are used up (some output may be held back). */
    void deflate(byte[] input, int length, ChunkedBytes output) {
        deflater.setInput(input, 0, length);
        while (!deflater.needsInput()) {
            deflateOnce(output, Deflater.NO_FLUSH);
        }
    }

    /** Deflates and flushes everything so far: the output then shows how well the input compresses. */
    void flush(byte[] input, int length, ChunkedBytes output) {
        deflater.setInput(input, 0, length);
        while (deflateOnce(output, Deflater.SYNC_FLUSH)) {
            // the output chunk was filled up: there may be more
        }
    }

    /** Ends the deflate stream. */
    void finish(ChunkedBytes output) {
        deflater.finish();
        while (!deflater.finished()) {
            deflateOnce(output, Deflater.NO_FLUSH);
        }
    }

    /** Forgets the entry being deflated, so the next one starts afresh. */
    void reset() {
        deflater.reset();
    }

    @Override
    public void close() {
        deflater.end();
    }

    /** One call into the deflater; true if it filled all the space it was given. */
    private boolean deflateOnce(ChunkedBytes output, int flush) {
        byte[] chunk = output.writable();
        int offset = output.writeOffset();
        int space = chunk.length - offset;
        int n = deflater.deflate(chunk, offset, space, flush);
        output.advance(n);
        return n == space;
    }
}
