package dev.backman.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code backman.yaml} (SPEC 5) into a {@link ConfigFile}: the core's {@link BackupConfig}, the {@code s3:}
 * block and the {@code offsite:} locations. Relative {@code source_paths}, {@code backup_location},
 * {@code catalog_path} and offsite directories are relative to the file's directory, so a configuration means
 * the same from any working directory. Unknown keys are errors (a typo must not silently change a backup); keys of
 * features this version does not implement yet are accepted and ignored.
 */
public final class ConfigFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileReader.class);
    static final Set<String> KEYS = Set.of("source_paths", "backup_location", "retention_days", "compression_type",
            "max_file_size_mb", "exclude_patterns", "include_hidden", "full_every_days", "catalog_path", "s3",
            "offsite", "encryption", "retention", "schedule", "retry");
    static final Set<String> NOT_YET_SUPPORTED = Set.of();

    /** Reads the file's core settings; every problem is an {@link InvalidConfiguration} naming the key. */
    public BackupConfig read(Path file) {
        return readFile(file).config();
    }

    /** Reads the whole file; every problem is an {@link InvalidConfiguration} naming the key (or the file). */
    public ConfigFile readFile(Path file) {
        JsonNode root = parse(file);
        Path base = file.toAbsolutePath().normalize().getParent();
        BackupConfig config = toConfig(root, base);
        return new ConfigFile(config, new S3OptionsReader().read(root.get("s3")),
                new OffsiteReader().read(root.get("offsite"), base),
                new EncryptionReader().read(root.get("encryption"), base),
                new ScheduleReader(new CronExpressions()).read(root.get("schedule"), root.get("retry")));
    }

    private static JsonNode parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidConfiguration("config", "file not found: " + file);
        } catch (IOException e) {
            throw new InvalidConfiguration("config", "cannot read " + file + ": " + e.getMessage());
        }
        YAMLMapper yaml = new YAMLMapper();
        try {
            JsonNode root = yaml.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                return yaml.createObjectNode(); // an empty file: every default
            }
            if (!root.isObject()) {
                throw new InvalidConfiguration("config", file + " must be a mapping of keys to values");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidConfiguration("config", file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    BackupConfig toConfig(JsonNode root, Path base) {
        checkKeys(root);
        ConfigValues values = new ConfigValues(root);
        BackupConfig config = BackupConfig.defaults().withBackupLocation(
                RepositoryLocation.parse(BackupConfig.DEFAULT_LOCATION, base, "backup_location").value());
        config = values.strings("source_paths")
                .map(paths -> paths.stream().map(p -> resolvePath(p, base, "source_paths")).toList())
                .map(config::withSourcePaths).orElse(config);
        config = values.text("backup_location")
                .map(location -> RepositoryLocation.parse(location, base, "backup_location"))
                .map(location -> {
                    RepositoryLocations.check(location, "backup_location");
                    return location.value();
                })
                .map(config::withBackupLocation).orElse(config);
        config = values.wholeNumber("retention_days").map(config::withRetentionDays).orElse(config);
        config = config.withRetention(new RetentionReader().read(root.get("retention")));
        if (config.retention().any() && values.get("retention_days").isEmpty()) {
            config = config.withRetentionDays(0); // keep_* rules without retention_days: the rules alone decide
        }
        config = values.text("compression_type").map(name -> CompressionType.parse(name, "compression_type"))
                .map(config::withCompressionType).orElse(config);
        config = values.longNumber("max_file_size_mb").map(config::withMaxFileSizeMb).orElse(config);
        config = values.strings("exclude_patterns").map(config::withExcludePatterns).orElse(config);
        config = values.bool("include_hidden").map(config::withIncludeHidden).orElse(config);
        config = values.wholeNumber("full_every_days").map(config::withFullEveryDays).orElse(config);
        config = values.text("catalog_path").map(p -> resolvePath(p, base, "catalog_path"))
                .map(config::withCatalogPath).orElse(config);
        return config;
    }

    private static void checkKeys(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (NOT_YET_SUPPORTED.contains(key)) {
                LOG.debug("configuration key '{}' is not supported by this version; ignored", key);
            } else if (!KEYS.contains(key)) {
                Set<String> known = new TreeSet<>(KEYS);
                known.addAll(NOT_YET_SUPPORTED);
                throw new InvalidConfiguration(key, "unknown configuration key; known keys: " + String.join(", ", known));
            }
        }
    }

    private static Path resolvePath(String value, Path base, String key) {
        try {
            return PathValues.resolve(value, base);
        } catch (InvalidPathException e) {
            throw new InvalidConfiguration(key, "'" + value + "' is not a valid path: " + e.getMessage());
        }
    }
}
