package dev.backman.filesystem.archive;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A payload smaller than a chunk, copied into an array of its own size so that it holds no more memory. */
record SmallPayload(byte[] bytes) implements ZipPayload {

    static SmallPayload copyOf(ChunkedBytes chunks) {
        byte[] bytes = new byte[(int) chunks.length()];
        if (bytes.length > 0) {
            System.arraycopy(chunks.chunk(0), 0, bytes, 0, bytes.length);
        }
        chunks.release();
        return new SmallPayload(bytes);
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void release() {
        // plain heap memory
    }
}
