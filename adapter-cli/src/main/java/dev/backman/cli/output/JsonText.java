package dev.backman.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.filesystem.json.BackupJson;
import java.io.UncheckedIOException;

/** Renders results as JSON in the repository's wire format (snake_case names, lower-case enum names). */
final class JsonText {
    private final ObjectMapper mapper = BackupJson.newMapper();

    String of(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON output", e);
        }
    }
}
