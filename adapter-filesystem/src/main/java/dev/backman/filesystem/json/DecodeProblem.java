package dev.backman.filesystem.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Describes why a document could not be read: what, where in the text, and which field ({@code files[3].mtime}). */
final class DecodeProblem {
    private static final Pattern MISSING_PROPERTY = Pattern.compile("^Missing (?:required )?creator property '([^']+)'");

    private DecodeProblem() {
    }

    static String describe(JsonProcessingException e) {
        StringBuilder text = new StringBuilder(problem(e));
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            text.append(" at ").append(fieldPath(mapping));
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append(" (line ").append(location.getLineNr()).append(", column ")
                    .append(location.getColumnNr()).append(')');
        }
        return text.toString();
    }

    /** Jackson's own words, except for the two cases a damaged document hits most, which it words for developers. */
    private static String problem(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        Matcher missing = MISSING_PROPERTY.matcher(original);
        if (missing.find()) {
            return "missing field '" + missing.group(1) + "'";
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null) {
            // the records name the missing component in camelCase; the document says it in snake_case
            String field = npe.getMessage().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            return "'" + field + "' must not be null in " + invalid.getType().getRawClass().getSimpleName();
        }
        return original;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "top level" : path.toString();
    }
}
