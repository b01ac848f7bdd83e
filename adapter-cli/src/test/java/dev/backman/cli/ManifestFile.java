package dev.backman.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.filesystem.json.JsonRepositoryDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/** A repository's manifest, rewritten the way a hostile or careless hand would. */
final class ManifestFile {
    private static final JsonRepositoryDocuments DOCUMENTS = new JsonRepositoryDocuments();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    ManifestFile(Path repository, String backupId) {
        this.file = repository.resolve("manifests/" + backupId + ".json");
    }

    Manifest read() throws IOException {
        return DOCUMENTS.decodeManifest(Files.readAllBytes(file));
    }

    void write(Manifest manifest) throws IOException {
        Files.write(file, DOCUMENTS.encodeManifest(manifest));
    }

    /** Replaces the file list; {@code edit} gets a mutable copy. */
    void editFiles(Consumer<List<FileEntry>> edit) throws IOException {
        Manifest manifest = read();
        List<FileEntry> files = new ArrayList<>(manifest.files());
        edit.accept(files);
        write(new Manifest(manifest.formatVersion(), manifest.backup(), manifest.roots(), files));
    }

    /** Edits the JSON tree itself, for what the records cannot express (missing fields). */
    void editJson(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(root);
        Files.write(file, JSON.writeValueAsBytes(root));
    }

    void cutInHalf() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    void overwrite(byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    void overwrite(String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    Path path() {
        return file;
    }

    /** A regular file entry whose contents {@code storedIn}'s archive holds. */
    static FileEntry fileEntry(String path, byte[] content, String storedIn) {
        return new FileEntry(path, EntryType.FILE, content.length, 0644, Instant.parse("2024-01-01T00:00:00Z"),
                sha256(content), null, storedIn);
    }

    static FileEntry symlinkEntry(String path, String target) {
        return new FileEntry(path, EntryType.SYMLINK, 0, 0777, Instant.parse("2024-01-01T00:00:00Z"), null, target,
                null);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
