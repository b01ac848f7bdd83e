package dev.backman.crypto;

import com.google.crypto.tink.StreamingAead;
import dev.backman.domain.port.StagedObject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/** A staged object whose bytes are encrypted into another staged object; commit finishes the last segment. */
final class EncryptingStagedObject implements StagedObject {
    private final StagedObject inner;
    private final OutputStream encrypting;
    private final OutputStream output;

    EncryptingStagedObject(StagedObject inner, StreamingAead aead, byte[] associatedData)
            throws GeneralSecurityException, IOException {
        this.inner = inner;
        this.encrypting = aead.newEncryptingStream(new KeepOpen(inner.output()), associatedData);
        this.output = new KeepOpen(encrypting);
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public long commit() throws IOException {
        encrypting.close(); // writes the final, authenticated segment; the inner output stays open
        return inner.commit();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Passes writes through; closing only flushes (a codec that closes its output must not end the object). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
