package dev.backman.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Names the object in the error when a segment fails authentication (Tink's messages do not). */
final class AuthenticatedStream extends FilterInputStream {
    private final String key;

    AuthenticatedStream(String key, InputStream decrypting) {
        super(decrypting);
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            throw damaged(e);
        }
    }

    private IOException damaged(IOException e) {
        return new IOException(key + " fails authentication (altered, truncated, or not this object's): "
                + e.getMessage(), e);
    }
}
