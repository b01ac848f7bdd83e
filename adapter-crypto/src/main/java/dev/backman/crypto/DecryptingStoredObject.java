package dev.backman.crypto;

import com.google.crypto.tink.StreamingAead;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;

/**
 * An encrypted object read in clear. Every segment is authenticated as it is read: a flipped bit, a truncation or an
 * object that belongs under another key fails with an {@link IOException} before its bytes are returned.
 * {@link #size()} is the stored (encrypted) size; the channel's size is the plaintext's.
 */
final class DecryptingStoredObject implements StoredObject {
    private final String key;
    private final StoredObject stored;
    private final StreamingAead aead;

    DecryptingStoredObject(String key, StoredObject stored, StreamingAead aead) {
        this.key = key;
        this.stored = stored;
        this.aead = aead;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long size() {
        return stored.size();
    }

    @Override
    public InputStream openStream() throws IOException {
        return decrypting(key, stored.openStream(), aead);
    }

    /** The plaintext of the object {@code key} whose ciphertext {@code ciphertext} gives; closes it on failure. */
    static InputStream decrypting(String key, InputStream ciphertext, StreamingAead aead) throws IOException {
        try {
            return new AuthenticatedStream(key, aead.newDecryptingStream(ciphertext, CipherKeys.associatedData(key)));
        } catch (GeneralSecurityException e) {
            ciphertext.close();
            throw new IOException(key + " cannot be decrypted: " + e.getMessage(), e);
        }
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        SeekableByteChannel ciphertext = stored.openChannel();
        try {
            SeekableByteChannel plain = aead.newSeekableDecryptingChannel(ciphertext, CipherKeys.associatedData(key));
            // Tink picks the keyset's key on the first read and knows the plaintext's size only then
            plain.read(ByteBuffer.allocate(1));
            plain.position(0);
            return plain;
        } catch (IOException e) {
            ciphertext.close();
            throw new IOException(key + " fails authentication (altered, truncated, or not this object's): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            ciphertext.close();
            throw new IOException(key + " cannot be decrypted: " + e.getMessage(), e);
        }
    }
}
