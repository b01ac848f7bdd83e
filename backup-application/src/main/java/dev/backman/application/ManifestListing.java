package dev.backman.application;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.port.ArchiveItem;
import java.util.HashMap;
import java.util.Map;

/**
 * Every name a manifest lists with its type, so that verification can tell an archive entry the manifest does
 * not know (or knows as something else: a planted symlink where the backup had a directory) from a legitimate one.
 */
final class ManifestListing {
    private final Map<String, EntryType> types = new HashMap<>();

    ManifestListing(Manifest manifest) {
        for (FileEntry entry : manifest.files()) {
            types.put(entry.path(), entry.type());
        }
    }

    /** How many entries the manifest lists. */
    int size() {
        return types.size();
    }

    /** What is wrong with an archive entry as the manifest sees it, or null when it is listed as what it is. */
    String mismatch(ArchiveItem item) {
        EntryType listed = types.get(item.name());
        if (listed == null) {
            return "not listed in the manifest";
        }
        EntryType found = typeOf(item.kind());
        if (found == null) {
            return "an entry of a type backman never writes (device, fifo or unknown)";
        }
        if (found != listed) {
            return "a " + found.wireName() + " in the archive, but a " + listed.wireName() + " in the manifest";
        }
        return null;
    }

    private static EntryType typeOf(ArchiveItem.Kind kind) {
        return switch (kind) {
            case FILE, HARD_LINK -> EntryType.FILE;
            case DIRECTORY -> EntryType.DIR;
            case SYMLINK -> EntryType.SYMLINK;
            case OTHER -> null;
        };
    }
}
