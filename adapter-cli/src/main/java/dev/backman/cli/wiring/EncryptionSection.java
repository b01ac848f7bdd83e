package dev.backman.cli.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.crypto.KdfParameters;
import dev.backman.crypto.KeyEnvelope;
import dev.backman.domain.error.RepositoryFormatMismatch;
import dev.backman.domain.model.RepositoryLayout;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code encryption} object of {@code backman.repo.json}: the cipher of archives and manifests, the Argon2id
 * parameters and the wrapped data key. Readers that do not know it ignore it (unknown fields are allowed there).
 */
final class EncryptionSection {
    static final String FIELD = "encryption";
    static final String CIPHER = "tink-streaming-aead/AES256_GCM_HKDF_1MB";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The wrapped key in {@code descriptor}, or empty when the repository is not encrypted. */
    Optional<KeyEnvelope> read(byte[] descriptor, String location) {
        JsonNode section;
        try {
            section = JSON.readTree(descriptor).get(FIELD);
        } catch (IOException e) {
            throw damaged(location, "not JSON");
        }
        if (section == null || section.isNull()) {
            return Optional.empty();
        }
        if (!CIPHER.equals(section.path("cipher").asText()) || !"argon2id".equals(section.path("kdf").asText())
                || !"aes-256-gcm".equals(section.path("key_wrap").asText())) {
            throw new RepositoryFormatMismatch(location, "encrypted with a cipher this backman does not know ("
                    + section.path("cipher").asText() + ", " + section.path("kdf").asText() + "); upgrade backman");
        }
        try {
            KdfParameters kdf = new KdfParameters(Base64.getDecoder().decode(section.path("salt").asText()),
                    section.path("memory_kib").asInt(), section.path("iterations").asInt(),
                    section.path("parallelism").asInt());
            return Optional.of(new KeyEnvelope(kdf, Base64.getDecoder().decode(section.path("wrapped_key").asText())));
        } catch (IllegalArgumentException e) {
            throw damaged(location, e.getMessage());
        }
    }

    /** {@code descriptor} with its {@code encryption} object set to {@code envelope}. */
    byte[] write(byte[] descriptor, KeyEnvelope envelope) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(descriptor);
            ObjectNode section = root.putObject(FIELD);
            section.put("cipher", CIPHER);
            section.put("kdf", "argon2id");
            section.put("salt", Base64.getEncoder().encodeToString(envelope.kdf().salt()));
            section.put("memory_kib", envelope.kdf().memoryKib());
            section.put("iterations", envelope.kdf().iterations());
            section.put("parallelism", envelope.kdf().parallelism());
            section.put("key_wrap", "aes-256-gcm");
            section.put("wrapped_key", Base64.getEncoder().encodeToString(envelope.wrappedKey()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("cannot add the encryption parameters to the descriptor", e);
        }
    }

    private static RepositoryFormatMismatch damaged(String location, String problem) {
        return new RepositoryFormatMismatch(location, "the encryption parameters in " + RepositoryLayout.DESCRIPTOR
                + " are damaged: " + problem);
    }
}
