package dev.backman.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.crypto.DataKey;
import dev.backman.crypto.EncryptedArchiveStorage;
import dev.backman.crypto.KdfParameters;
import dev.backman.crypto.KeyEnvelope;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StoredObject;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Turns a repository into one as repository format 1 wrote it: {@code format_version} 1 in
 * {@code backman.repo.json} (every other field kept, the encryption parameters too) and manifests without a
 * {@code repository_id}. Works through a storage, so on disk, in S3 and encrypted alike.
 */
public final class FormatOneRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatOneRepository() {
    }

    /** Rewrites the repository in {@code storage} as format 1; returns the manifest keys it rewrote. */
    public static List<String> downgrade(ArchiveStorage storage) {
        ObjectNode descriptor = tree(storage, RepositoryLayout.DESCRIPTOR);
        descriptor.put("format_version", 1);
        put(storage, RepositoryLayout.DESCRIPTOR, descriptor);
        List<String> manifests = storage.list(RepositoryLayout.MANIFESTS).stream().map(ObjectInfo::key).toList();
        for (String key : manifests) {
            ObjectNode manifest = tree(storage, key);
            manifest.remove("repository_id");
            put(storage, key, manifest);
        }
        return manifests;
    }

    /** Sets {@code format_version} in the descriptor of a local repository, keeping every other field. */
    public static void setFormatVersion(Path repository, int version) {
        try {
            Path file = repository.resolve(RepositoryLayout.DESCRIPTOR);
            ObjectNode descriptor = (ObjectNode) JSON.readTree(file.toFile());
            descriptor.put("format_version", version);
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format version in the descriptor of a local repository. */
    public static int formatVersion(Path repository) {
        try {
            return JSON.readTree(repository.resolve(RepositoryLayout.DESCRIPTOR).toFile()).get("format_version")
                    .intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The storage of a local encrypted repository, unlocked with {@code passphrase}, as backman reads it. */
    public static ArchiveStorage unlocked(Path repository, String passphrase) {
        LocalDiskArchiveStorage raw = new LocalDiskArchiveStorage(repository);
        JsonNode section = tree(raw, RepositoryLayout.DESCRIPTOR).get("encryption");
        KeyEnvelope envelope = new KeyEnvelope(new KdfParameters(
                Base64.getDecoder().decode(section.get("salt").asText()), section.get("memory_kib").asInt(),
                section.get("iterations").asInt(), section.get("parallelism").asInt()),
                Base64.getDecoder().decode(section.get("wrapped_key").asText()));
        DataKey key = envelope.open(passphrase.toCharArray(), repository.toString());
        return new EncryptedArchiveStorage(raw, () -> key);
    }

    /** A document of the repository as a JSON tree, read through {@code storage} (decrypted when it decrypts). */
    public static ObjectNode tree(ArchiveStorage storage, String key) {
        StoredObject object = storage.find(key).orElseThrow(() -> new AssertionError("no " + key));
        try (InputStream in = object.openStream()) {
            return (ObjectNode) JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ArchiveStorage storage, String key, JsonNode document) {
        try {
            storage.put(key, JSON.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
