package dev.backman.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.error.InvalidConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code offsite:} (SPEC 5): a list of {@code {location: …}} mappings (a bare location string is accepted too).
 * Relative directories are relative to the configuration file's directory; errors name {@code offsite[i].location}.
 */
final class OffsiteReader {

    List<RepositoryLocation> read(JsonNode list, Path base) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidConfiguration("offsite", "must be a list of {location: …} entries");
        }
        List<RepositoryLocation> locations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "offsite[" + i + "].location";
            RepositoryLocation location = RepositoryLocation.parse(value(list.get(i), i), base, key);
            RepositoryLocations.check(location, key);
            if (!seen.add(location.value())) {
                throw new InvalidConfiguration(key, location.value() + " is listed twice");
            }
            locations.add(location);
        }
        return locations;
    }

    private static String value(JsonNode entry, int index) {
        String key = "offsite[" + index + "]";
        if (entry.isTextual() && !entry.asText().isBlank()) {
            return entry.asText();
        }
        if (!entry.isObject()) {
            throw new InvalidConfiguration(key, "must be a mapping {location: s3://bucket/prefix or a directory}");
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("location")) {
                throw new InvalidConfiguration(key + "." + name, "unknown key; an offsite entry has only 'location'");
            }
        }
        return new ConfigValues(entry, key + ".").text("location")
                .orElseThrow(() -> new InvalidConfiguration(key + ".location", "missing"));
    }
}
