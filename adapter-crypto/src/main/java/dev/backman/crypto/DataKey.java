package dev.backman.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * A repository's data key: a Tink keyset holding one AES256_GCM_HKDF_1MB streaming-AEAD key, which encrypts every
 * archive and manifest. It never leaves the process unwrapped; {@link KeyEnvelope} stores it under a passphrase.
 */
public final class DataKey {
    private final KeysetHandle keyset;
    private final StreamingAead aead;

    private DataKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(StreamingAead.class);
    }

    /**
     * A new random 256-bit key.
     *
     * @return the key
     */
    public static DataKey generate() {
        try {
            register();
            return new DataKey(KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a data key: " + e.getMessage(), e);
        }
    }

    /** The key from its Tink binary keyset (as {@link #keysetBytes()} gives it). */
    static DataKey fromKeyset(byte[] keysetBytes) throws IOException {
        try {
            register();
            return new DataKey(TinkProtoKeysetFormat.parseKeyset(keysetBytes, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a streaming-AEAD keyset", e);
        }
    }

    /** The Tink binary keyset (protobuf {@code Keyset}), in clear: only ever passed to {@link KeyEnvelope}. */
    byte[] keysetBytes() {
        try {
            return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise the data key: " + e.getMessage(), e);
        }
    }

    StreamingAead aead() {
        return aead;
    }

    private static void register() throws GeneralSecurityException {
        StreamingAeadConfig.register(); // idempotent
    }

    @Override
    public String toString() {
        return "DataKey[redacted]";
    }
}
