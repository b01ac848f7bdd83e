package dev.backman.application;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes every byte read from the source to {@code copy}: one pass both hashes and copies an object. A failure to
 * write the copy is reported as {@link WriteFailed}, so that it is told apart from a failure to read the source.
 */
final class CopyingStream extends FilterInputStream {
    private final OutputStream copy;

    CopyingStream(InputStream source, OutputStream copy) {
        super(source);
        this.copy = copy;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            try {
                copy.write(b);
            } catch (IOException e) {
                throw new WriteFailed(e);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0) {
            try {
                copy.write(bytes, offset, n);
            } catch (IOException e) {
                throw new WriteFailed(e);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a copy cannot skip bytes");
    }

    /** The copy could not be written. */
    static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
