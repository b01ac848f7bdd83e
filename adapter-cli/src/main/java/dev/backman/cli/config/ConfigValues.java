package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.error.InvalidConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed values of one mapping of a configuration file (the top level, or a block such as {@code s3:}); a value of
 * the wrong type is an error naming its full key ({@code retention_days}, {@code s3.region}).
 */
final class ConfigValues {
    private final JsonNode root;
    private final String prefix;

    ConfigValues(JsonNode root) {
        this(root, "");
    }

    /** Values of a nested mapping; {@code prefix} (e.g. {@code "s3."}) goes before each key in errors. */
    ConfigValues(JsonNode root, String prefix) {
        this.root = root;
        this.prefix = prefix;
    }

    /** The value of {@code key}; empty when the key is absent or explicitly null. */
    Optional<JsonNode> get(String key) {
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    Optional<String> text(String key) {
        return get(key).map(node -> {
            if (!node.isTextual() && !node.isNumber()) {
                throw wrongType(prefix + key, "a string", node);
            }
            String value = node.asText();
            if (value.isBlank()) {
                throw new InvalidConfiguration(prefix + key, "must not be empty");
            }
            return value;
        });
    }

    Optional<Integer> wholeNumber(String key) {
        return get(key).map(node -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw wrongType(prefix + key, "a whole number", node);
            }
            return node.intValue();
        });
    }

    Optional<Long> longNumber(String key) {
        return get(key).map(node -> {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw wrongType(prefix + key, "a whole number", node);
            }
            return node.longValue();
        });
    }

    Optional<Boolean> bool(String key) {
        return get(key).map(node -> {
            if (!node.isBoolean()) {
                throw wrongType(prefix + key, "true or false", node);
            }
            return node.booleanValue();
        });
    }

    /** A list of strings; a single string counts as a list of one. */
    Optional<List<String>> strings(String key) {
        return get(key).map(node -> {
            if (node.isTextual()) {
                return List.of(node.asText());
            }
            if (!node.isArray()) {
                throw wrongType(prefix + key, "a list of strings", node);
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw wrongType(prefix + key, "a list of non-empty strings", item);
                }
                values.add(item.asText());
            }
            return values;
        });
    }

    private static InvalidConfiguration wrongType(String key, String expected, JsonNode actual) {
        String shown = actual.isContainerNode() ? (actual.isArray() ? "a list" : "a mapping") : "'" + actual.asText() + "'";
        return new InvalidConfiguration(key, "must be " + expected + ", got " + shown);
    }
}
