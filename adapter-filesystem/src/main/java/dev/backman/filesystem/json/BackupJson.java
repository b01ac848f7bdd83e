package dev.backman.filesystem.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.ReplicaStatus;
import java.time.Instant;

/**
 * The JSON wire format of backman (manifests, {@code backman.repo.json}, and the command line's {@code --json}
 * output): snake_case names, enums by their wire names, times as ISO-8601 strings that keep their offset, paths
 * as plain strings, nulls written out.
 */
public final class BackupJson {
    private BackupJson() {
    }

    /**
     * A new, fully configured mapper; thread-safe once built, so build one per component and keep it.
     *
     * @return the mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(domainModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // keep "+01:00" as written instead of normalising every time to UTC
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // documents from a newer backman may carry fields this one does not know
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // every field is always written (nulls too), so a missing one means a damaged document
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static SimpleModule domainModule() {
        SimpleModule module = new SimpleModule("backman-domain");
        new WireNames<>(BackupStatus.class, BackupStatus::wireName).registerIn(module);
        new WireNames<>(BackupType.class, BackupType::wireName).registerIn(module);
        new WireNames<>(EntryType.class, EntryType::wireName).registerIn(module);
        new WireNames<>(ReplicaStatus.class, ReplicaStatus::wireName).registerIn(module);
        new WireNames<>(CompressionType.class, CompressionType::extension).registerIn(module);
        PathAsString.registerIn(module);
        module.addSerializer(FileEntry.class, new FileEntrySerializer());
        module.addDeserializer(FileEntry.class, new FileEntryDeserializer());
        module.addDeserializer(Instant.class, new IsoInstantDeserializer()); // registered after JavaTimeModule: wins
        module.setMixInAnnotation(Manifest.class, ManifestMixin.class);
        return module;
    }
}
