package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a manifest entry field by field, the counterpart of {@link FileEntrySerializer}. The generic record
 * deserializer buffered every field in a property buffer, boxed the numbers and looked each field up by name: on
 * a manifest of 100,000 entries (30 MB) it was most of the time a restore spent before writing anything.
 *
 * <p>It reads what the record deserializer read and fails as it did: every field must be there (a missing one
 * is named with its place, {@code files[1].mtime}), fields it does not know are skipped, a null number or a null
 * path, type or mtime is an error, and values of another kind go to Jackson's own deserializers with their words.
 */
final class FileEntryDeserializer extends StdDeserializer<FileEntry> implements ResolvableDeserializer {
    /** The fields, in the record's (and the wire's) order. */
    private static final List<String> FIELDS = List.of("path", "type", "size", "mode", "mtime", "sha256",
            "link_target", "stored_in", "file_key");
    private static final int ALL = (1 << FIELDS.size()) - 1;
    /** The reading's attribute holding the last {@code stored_in} read. */
    private static final Object LAST_HOLDER = new Object();

    private JsonDeserializer<Object> types;
    private JsonDeserializer<Object> times;

    FileEntryDeserializer() {
        super(FileEntry.class);
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        types = context.findRootValueDeserializer(context.constructType(EntryType.class));
        times = context.findRootValueDeserializer(context.constructType(Instant.class));
    }

    @Override
    public FileEntry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (FileEntry) context.handleUnexpectedToken(FileEntry.class, parser);
        }
        String path = null;
        EntryType type = null;
        long size = 0;
        int mode = 0;
        Instant mtime = null;
        String sha256 = null;
        String linkTarget = null;
        String storedIn = null;
        String fileKey = null;
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            int field;
            try {
                field = switch (name) {
                    case "path" -> {
                        path = text(parser, context, token);
                        yield 0;
                    }
                    case "type" -> {
                        type = token == JsonToken.VALUE_NULL ? null : (EntryType) types.deserialize(parser, context);
                        yield 1;
                    }
                    case "size" -> {
                        size = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                                : (Long) context.readValue(parser, Long.TYPE);
                        yield 2;
                    }
                    case "mode" -> {
                        mode = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue()
                                : (Integer) context.readValue(parser, Integer.TYPE);
                        yield 3;
                    }
                    case "mtime" -> {
                        mtime = token == JsonToken.VALUE_NULL ? null : (Instant) times.deserialize(parser, context);
                        yield 4;
                    }
                    case "sha256" -> {
                        sha256 = text(parser, context, token);
                        yield 5;
                    }
                    case "link_target" -> {
                        linkTarget = text(parser, context, token);
                        yield 6;
                    }
                    case "stored_in" -> {
                        storedIn = holder(parser, context, token);
                        yield 7;
                    }
                    case "file_key" -> {
                        fileKey = text(parser, context, token);
                        yield 8;
                    }
                    default -> {
                        parser.skipChildren(); // a newer backman's field
                        yield -1;
                    }
                };
            } catch (JsonProcessingException e) { // a number out of range too, as the record deserializer said it
                throw JsonMappingException.wrapWithPath(e, FileEntry.class, name);
            }
            if (field >= 0) {
                seen |= 1 << field;
            }
        }
        if (seen != ALL) {
            String missing = FIELDS.get(Integer.numberOfTrailingZeros(~seen));
            throw JsonMappingException.wrapWithPath(MismatchedInputException.from(parser, FileEntry.class,
                    "Missing required creator property '" + missing + "'"), FileEntry.class, missing);
        }
        try {
            return new FileEntry(path, type, size, mode, mtime, sha256, linkTarget, storedIn, fileKey);
        } catch (NullPointerException e) { // the record's own check: path, type and mtime
            throw ValueInstantiationException.from(parser, "Cannot construct instance of "
                    + FileEntry.class.getName() + ", problem: " + e.getMessage(),
                    context.constructType(FileEntry.class), e);
        }
    }

    /**
     * A {@code stored_in}: the same few backup ids in every file entry of a manifest, each kept once per reading
     * rather than once per entry (100,000 copies of the same 22 characters in a restore's heap).
     */
    private static String holder(JsonParser parser, DeserializationContext context, JsonToken token)
            throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return text(parser, context, token);
        }
        if (context.getAttribute(LAST_HOLDER) instanceof String last && sameText(parser, last)) {
            return last;
        }
        String holder = parser.getText();
        context.setAttribute(LAST_HOLDER, holder);
        return holder;
    }

    private static boolean sameText(JsonParser parser, String known) throws IOException {
        int length = parser.getTextLength();
        if (length != known.length()) {
            return false;
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != known.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonParser parser, DeserializationContext context, JsonToken token)
            throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return token == JsonToken.VALUE_NULL ? null : (String) context.readValue(parser, String.class);
    }
}
