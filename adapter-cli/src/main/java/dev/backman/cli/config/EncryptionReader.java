package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.error.InvalidConfiguration;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/** Reads {@code encryption: {passphrase_env: NAME}} or {@code {passphrase_file: PATH}} (or {@code {}}: a prompt). */
final class EncryptionReader {
    private static final Set<String> KEYS = Set.of("passphrase_env", "passphrase_file");

    EncryptionOptions read(JsonNode node, Path base) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return EncryptionOptions.none();
        }
        if (!node.isObject()) {
            throw new InvalidConfiguration("encryption", "must be a mapping such as {passphrase_env: NAME} or "
                    + "{passphrase_file: PATH}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new InvalidConfiguration("encryption." + key, "unknown key; known keys: passphrase_env, "
                        + "passphrase_file");
            }
        }
        String env = text(node, "passphrase_env");
        String file = text(node, "passphrase_file");
        if (env != null && file != null) {
            throw new InvalidConfiguration("encryption", "give passphrase_env or passphrase_file, not both");
        }
        if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidConfiguration("encryption.passphrase_env", "'" + env
                    + "' is not an environment variable name");
        }
        return new EncryptionOptions(env, file == null ? null : PathValues.resolve(file, base), true);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidConfiguration("encryption." + key, "must be a non-empty string");
        }
        return value.textValue();
    }
}
