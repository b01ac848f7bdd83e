package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a payload to its temporary file, counting the bytes: the entry's compressed size. */
final class CountingSink {
    private final OutputStream out;
    private long count;

    CountingSink(OutputStream out) {
        this.out = out;
    }

    void write(ChunkedBytes bytes) throws IOException {
        for (int i = 0; i < bytes.chunkCount(); i++) {
            write(bytes.chunk(i), bytes.lengthOf(i));
        }
    }

    void writeAndClear(ChunkedBytes bytes) throws IOException {
        write(bytes);
        bytes.release();
    }

    void write(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
        count += length;
    }

    long count() {
        return count;
    }
}
