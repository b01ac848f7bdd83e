package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.backman.domain.model.FileEntry;
import java.io.IOException;

/**
 * Writes a manifest entry field by field, in the order the bean serializer used. A manifest holds one entry per file
 * and directory (tens of thousands): the generic bean serializer, with a {@code DateTimeFormatter} per time, was the
 * largest cost of a backup that found nothing changed.
 */
final class FileEntrySerializer extends StdSerializer<FileEntry> {
    FileEntrySerializer() {
        super(FileEntry.class);
    }

    @Override
    public void serialize(FileEntry entry, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(entry);
        gen.writeStringField("path", entry.path());
        gen.writeStringField("type", entry.type().wireName());
        gen.writeNumberField("size", entry.size());
        gen.writeNumberField("mode", entry.mode());
        gen.writeStringField("mtime", IsoInstant.format(entry.mtime()));
        gen.writeStringField("sha256", entry.sha256());
        gen.writeStringField("link_target", entry.linkTarget());
        gen.writeStringField("stored_in", entry.storedIn());
        gen.writeStringField("file_key", entry.fileKey());
        gen.writeEndObject();
    }
}
