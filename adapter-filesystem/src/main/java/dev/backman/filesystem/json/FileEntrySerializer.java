package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
    // field names quoted and encoded once, not for every entry
    private static final SerializedString PATH = new SerializedString("path");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString SIZE = new SerializedString("size");
    private static final SerializedString MODE = new SerializedString("mode");
    private static final SerializedString MTIME = new SerializedString("mtime");
    private static final SerializedString SHA256 = new SerializedString("sha256");
    private static final SerializedString LINK_TARGET = new SerializedString("link_target");
    private static final SerializedString STORED_IN = new SerializedString("stored_in");
    private static final SerializedString FILE_KEY = new SerializedString("file_key");

    /** Each thread's buffer for a time's text (a mapper, and this serializer with it, may serve several threads). */
    private final ThreadLocal<char[]> timeText = ThreadLocal.withInitial(() -> new char[IsoInstant.LONGEST]);

    FileEntrySerializer() {
        super(FileEntry.class);
    }

    @Override
    public void serialize(FileEntry entry, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(entry);
        gen.writeFieldName(PATH);
        gen.writeString(entry.path());
        gen.writeFieldName(TYPE);
        gen.writeString(entry.type().wireName());
        gen.writeFieldName(SIZE);
        gen.writeNumber(entry.size());
        gen.writeFieldName(MODE);
        gen.writeNumber(entry.mode());
        gen.writeFieldName(MTIME);
        char[] mtime = timeText.get(); // the generator copies it: no String, nor array, per time
        int length = IsoInstant.format(entry.mtime(), mtime);
        if (length < 0) {
            gen.writeString(entry.mtime().toString());
        } else {
            gen.writeString(mtime, 0, length);
        }
        gen.writeFieldName(SHA256);
        gen.writeString(entry.sha256());
        gen.writeFieldName(LINK_TARGET);
        gen.writeString(entry.linkTarget());
        gen.writeFieldName(STORED_IN);
        gen.writeString(entry.storedIn());
        gen.writeFieldName(FILE_KEY);
        gen.writeString(entry.fileKey());
        gen.writeEndObject();
    }
}
