package dev.backman.crypto;

import dev.backman.domain.error.WrongPassphrase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data key wrapped under a passphrase, as stored in {@code backman.repo.json}: Argon2id turns the passphrase
 * into a key-encryption key, which seals the data key's Tink binary keyset with AES-256-GCM. {@code wrappedKey} is
 * the 12-byte nonce followed by the ciphertext and its 16-byte tag; the associated data is {@value #WRAP_AAD}.
 *
 * @param kdf        how the key-encryption key is derived
 * @param wrappedKey nonce || AES-256-GCM(keyset)
 */
public record KeyEnvelope(KdfParameters kdf, byte[] wrappedKey) {
    /** The associated data of the key wrap. */
    public static final String WRAP_AAD = "backman data key v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /**
     * Checks the components.
     *
     * @param kdf how the key-encryption key is derived
     * @param wrappedKey nonce || AES-256-GCM(keyset)
     */
    public KeyEnvelope {
        if (kdf == null || wrappedKey == null || wrappedKey.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("incomplete wrapped key");
        }
        wrappedKey = wrappedKey.clone();
    }

    /**
     * Wraps {@code key} under {@code passphrase}.
     *
     * @param key        the data key
     * @param passphrase the passphrase that will open it
     * @param kdf        how the key-encryption key is derived from the passphrase
     * @param random     source of the nonce
     * @return the wrapped key
     */
    public static KeyEnvelope seal(DataKey key, char[] passphrase, KdfParameters kdf, SecureRandom random) {
        byte[] kek = PassphraseKdf.derive(passphrase, kdf);
        byte[] keyset = key.keysetBytes();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kek, nonce).doFinal(keyset);
            return new KeyEnvelope(kdf, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap the data key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(keyset, (byte) 0);
        }
    }

    /**
     * Unwraps the data key.
     *
     * @param passphrase the passphrase
     * @param location   the repository's location, for the error message
     * @return the data key
     * @throws WrongPassphrase the passphrase does not open it (or the wrapped key was altered)
     */
    public DataKey open(char[] passphrase, String location) {
        byte[] kek = PassphraseKdf.derive(passphrase, kdf);
        byte[] keyset = null;
        try {
            keyset = cipher(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(wrappedKey, NONCE_BYTES))
                    .doFinal(wrappedKey, NONCE_BYTES, wrappedKey.length - NONCE_BYTES);
            return DataKey.fromKeyset(keyset);
        } catch (AEADBadTagException e) {
            throw new WrongPassphrase(location);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot unwrap the data key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (keyset != null) {
                Arrays.fill(keyset, (byte) 0);
            }
        }
    }

    /**
     * The same data key under another passphrase, with a fresh salt and nonce; archives are not touched.
     *
     * @param oldPassphrase the passphrase that opens it now
     * @param newPassphrase the passphrase that will open it
     * @param newKdf        how the new key-encryption key is derived
     * @param random        source of the nonce
     * @param location      the repository's location, for the error message
     * @return the data key wrapped under {@code newPassphrase}
     * @throws WrongPassphrase {@code oldPassphrase} does not open it
     */
    public KeyEnvelope rewrap(char[] oldPassphrase, char[] newPassphrase, KdfParameters newKdf, SecureRandom random,
                              String location) {
        return seal(open(oldPassphrase, location), newPassphrase, newKdf, random);
    }

    /**
     * The wrapped key.
     *
     * @return a copy of nonce || AES-256-GCM(keyset)
     */
    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    private static Cipher cipher(int mode, byte[] kek, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(WRAP_AAD.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyEnvelope e && kdf.equals(e.kdf) && Arrays.equals(wrappedKey, e.wrappedKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wrappedKey);
    }

    @Override
    public String toString() {
        return "KeyEnvelope[" + kdf + ", aes-256-gcm]";
    }
}
