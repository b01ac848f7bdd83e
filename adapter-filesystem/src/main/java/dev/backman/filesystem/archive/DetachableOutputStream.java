package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Guards the caller's stream: closing only flushes it, and once detached (a writer abandoned on failure) every
 * further byte is dropped, so releasing native compressors never appends trailers to a half-written archive.
 */
final class DetachableOutputStream extends OutputStream {

    private final OutputStream target;
    private volatile boolean detached;

    DetachableOutputStream(OutputStream target) {
        this.target = target;
    }

    void detach() {
        detached = true;
    }

    @Override
    public void write(int b) throws IOException {
        if (!detached) {
            target.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!detached) {
            target.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!detached) {
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
