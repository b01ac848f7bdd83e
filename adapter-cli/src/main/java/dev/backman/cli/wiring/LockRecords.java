package dev.backman.cli.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lock records ({@code locks/*.json}) of a repository in object storage, read and written as JSON. */
final class LockRecords {
    private static final String SUFFIX = ".json";
    private final ArchiveStorage storage;
    private final ObjectMapper json = JsonMapper.builder().build();

    LockRecords(ArchiveStorage storage) {
        this.storage = storage;
    }

    String location() {
        return storage.location();
    }

    void write(String key, LockRecord record) {
        try {
            storage.put(key, json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a lock record", e);
        }
    }

    /** Every record by key; one that cannot be read counts as held by someone unknown. */
    Map<String, LockRecord> all() {
        return allBut(null);
    }

    /** Every record but the one under {@code mine} (not read: its writer knows it), as {@link #all()}. */
    Map<String, LockRecord> allBut(String mine) {
        Map<String, LockRecord> records = new LinkedHashMap<>();
        for (ObjectInfo object : storage.list(RepositoryLayout.LOCKS)) {
            if (object.key().endsWith(SUFFIX) && !object.key().equals(mine)) {
                read(object.key()).ifPresent(record -> records.put(object.key(), record)); // absent: removed meanwhile
            }
        }
        return records;
    }

    void delete(String key) {
        storage.delete(key);
    }

    /** Removes every record, whoever wrote it; returns who they named. */
    List<String> removeAll() {
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, LockRecord> record : all().entrySet()) {
            storage.delete(record.getKey());
            removed.add(record.getValue().describe());
        }
        return removed;
    }

    private Optional<LockRecord> read(String key) {
        Optional<byte[]> bytes = storage.read(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(bytes.get(), LockRecord.class));
        } catch (IOException e) {
            return Optional.of(new LockRecord("an unknown host", -1, "unknown (" + key + ")", "unknown"));
        }
    }
}
