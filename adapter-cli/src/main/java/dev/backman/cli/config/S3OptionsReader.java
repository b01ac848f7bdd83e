package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.error.InvalidConfiguration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code s3:} block (SPEC 5) into {@link S3Options}; every error names its key, e.g. {@code s3.region}. */
final class S3OptionsReader {
    private static final Set<String> KEYS = Set.of("endpoint", "region", "path_style", "storage_class", "object_lock",
            "part_size_mb", "upload_threads", "download_threads", "max_attempts");
    private static final Set<String> LOCK_KEYS = Set.of("mode", "days");

    S3Options read(JsonNode block) {
        S3Options defaults = S3Options.defaults();
        if (block == null || block.isNull()) {
            return defaults;
        }
        ConfigValues values = new ConfigValues(mapping(block, "s3", KEYS), "s3.");
        String mode = null;
        int days = 0;
        JsonNode lock = block.get("object_lock");
        if (lock != null && !lock.isNull()) {
            ConfigValues lockValues = new ConfigValues(mapping(lock, "s3.object_lock", LOCK_KEYS), "s3.object_lock.");
            mode = lockValues.text("mode").orElseThrow(() ->
                    new InvalidConfiguration("s3.object_lock.mode", "missing (GOVERNANCE or COMPLIANCE)"));
            days = lockValues.wholeNumber("days").orElseThrow(() ->
                    new InvalidConfiguration("s3.object_lock.days", "missing (days to keep each object)"));
        }
        return new S3Options(
                values.text("endpoint").orElse(defaults.endpoint()),
                values.text("region").orElse(defaults.region()),
                values.bool("path_style").orElse(defaults.pathStyle()),
                values.text("storage_class").orElse(defaults.storageClass()),
                mode, days,
                values.wholeNumber("part_size_mb").orElse(defaults.partSizeMb()),
                values.wholeNumber("upload_threads").orElse(defaults.uploadThreads()),
                values.wholeNumber("download_threads").orElse(defaults.downloadThreads()),
                values.wholeNumber("max_attempts").orElse(defaults.maxAttempts()));
    }

    private static JsonNode mapping(JsonNode node, String key, Set<String> known) {
        if (!node.isObject()) {
            throw new InvalidConfiguration(key, "must be a mapping of keys to values");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidConfiguration(key + "." + name, "unknown key; known keys: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return node;
    }
}
