package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A manifest's {@code files}. Read as any list, unless the reader carries a sink ({@link #SINK}): then each entry
 * goes to it as soon as it is read and the list stays empty, so that a manifest's 100,000 entries need not be held
 * at once by a reader that wants a few facts from each.
 */
final class FileListDeserializer extends StdDeserializer<List<FileEntry>> {
    /** The reader attribute holding the {@code Consumer<FileEntry>} that takes the entries. */
    static final Object SINK = new Object();

    FileListDeserializer() {
        super(List.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<FileEntry> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JavaType listType = context.getTypeFactory().constructCollectionType(List.class, FileEntry.class);
        Consumer<FileEntry> sink = (Consumer<FileEntry>) context.getAttribute(SINK);
        if (sink == null) { // Jackson's own list deserializer: its checks and its words
            return (List<FileEntry>) context.findRootValueDeserializer(listType).deserialize(parser, context);
        }
        if (!parser.isExpectedStartArrayToken()) {
            return (List<FileEntry>) context.handleUnexpectedToken(listType, parser);
        }
        JsonDeserializer<Object> entries = context.findRootValueDeserializer(context.constructType(FileEntry.class));
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            FileEntry entry;
            try {
                if (token == JsonToken.VALUE_NULL) {
                    // the whole list takes a null and the manifest's copy of it fails; here it is said at once
                    throw JsonMappingException.from(parser, "null instead of an entry");
                }
                entry = (FileEntry) entries.deserialize(parser, context);
            } catch (IOException | RuntimeException e) {
                throw JsonMappingException.wrapWithPath(e, List.class, index);
            }
            sink.accept(entry);
            index++;
        }
        return List.of();
    }
}
