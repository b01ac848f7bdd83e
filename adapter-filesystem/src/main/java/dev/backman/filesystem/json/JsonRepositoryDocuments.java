package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryDescriptor;
import dev.backman.domain.port.RepositoryDocuments;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Manifests and {@code backman.repo.json} as JSON in the {@link BackupJson} wire format. Manifests are compact (they
 * list every file); the descriptor is indented for people who look into a repository. Thread-safe.
 */
public final class JsonRepositoryDocuments implements RepositoryDocuments {
    private final ObjectWriter manifestWriter;
    private final ObjectWriter manifestStreamWriter; // leaves the stream open: the storage commits it
    private final ObjectReader manifestReader;
    private final ObjectWriter descriptorWriter;
    private final ObjectReader descriptorReader;
    private final ObjectMapper mapper;

    /** Documents in the standard wire format ({@link BackupJson#newMapper()}). */
    public JsonRepositoryDocuments() {
        this(BackupJson.newMapper());
    }

    /**
     * Uses {@code mapper}.
     *
     * @param mapper a mapper configured like {@link BackupJson#newMapper()}
     */
    public JsonRepositoryDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
        this.manifestWriter = mapper.writerFor(Manifest.class);
        this.manifestStreamWriter = manifestWriter.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.manifestReader = mapper.readerFor(Manifest.class);
        this.descriptorWriter = mapper.writerFor(RepositoryDescriptor.class).withDefaultPrettyPrinter();
        this.descriptorReader = mapper.readerFor(RepositoryDescriptor.class);
    }

    @Override
    public byte[] encodeManifest(Manifest manifest) {
        return encode(manifestWriter, manifest);
    }

    @Override
    public void writeManifest(Manifest manifest, OutputStream out) throws IOException {
        manifestStreamWriter.writeValue(out, manifest);
    }

    @Override
    public Manifest decodeManifest(byte[] bytes) throws IOException {
        return decode(manifestReader, bytes, "manifest");
    }

    @Override
    public Manifest decodeManifest(byte[] bytes, Consumer<FileEntry> entries) throws IOException {
        return decode(manifestReader.withAttribute(FileListDeserializer.SINK, entries), bytes, "manifest");
    }

    @Override
    public byte[] encodeDescriptor(RepositoryDescriptor descriptor) {
        return encode(descriptorWriter, descriptor);
    }

    @Override
    public RepositoryDescriptor decodeDescriptor(byte[] bytes) throws IOException {
        return decode(descriptorReader, bytes, "repository descriptor");
    }

    @Override
    public byte[] withFormatVersion(byte[] descriptor, int formatVersion) throws IOException {
        decodeDescriptor(descriptor); // refuses what is not a descriptor
        // a tree, not the record: fields this version does not know (encryption parameters) must survive
        ObjectNode root = (ObjectNode) mapper.readTree(descriptor);
        root.put("format_version", formatVersion);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static byte[] encode(ObjectWriter writer, Object document) {
        try {
            return writer.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // domain records always serialise; this is a programming error
            throw new IllegalStateException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }

    private static <T> T decode(ObjectReader reader, byte[] bytes, String what) throws IOException {
        if (bytes == null || bytes.length == 0) {
            throw new IOException("the " + what + " is empty");
        }
        T value;
        try {
            value = reader.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException("the " + what + " is damaged or incomplete: " + DecodeProblem.describe(e), e);
        } catch (RuntimeException e) {
            throw new IOException("the " + what + " is not valid: " + e, e);
        }
        if (value == null) {
            throw new IOException("the " + what + " is empty (JSON null)");
        }
        return value;
    }
}
