package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A tree's entries by path: a table of positions in the list, probed linearly, instead of a hash map. A backup
 * looks up each entry it finds in its parent's tree, and a map held a node object per entry (3.2 MB for 100,000
 * entries, all of it kept until the manifest is written and copied by the collector on the way); this holds one
 * {@code int} per slot, at most half of them used. On equal paths the later entry wins, as in a map.
 */
final class EntriesByPath {
    private final List<FileEntry> entries;
    /** Position + 1 of the entry whose path hashes here (or past here, after a collision); 0 for none. */
    private final int[] slots;
    private final int mask;

    EntriesByPath(List<FileEntry> entries) {
        this.entries = entries instanceof RandomAccess ? entries : new ArrayList<>(entries);
        int capacity = Integer.highestOneBit(Math.max(4, 2 * this.entries.size() - 1)) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < this.entries.size(); i++) {
            String path = this.entries.get(i).path();
            int slot = slotOf(path);
            slots[slot] = i + 1;
        }
    }

    /** The entry at {@code path}, or null. */
    FileEntry get(String path) {
        int position = slots[slotOf(path)];
        return position == 0 ? null : entries.get(position - 1);
    }

    /** The entries, in their order. */
    List<FileEntry> entries() {
        return entries;
    }

    /** The slot that holds {@code path}'s entry, or the empty slot where it would go. */
    private int slotOf(String path) {
        int hash = path.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (int position = slots[slot]; position != 0; position = slots[slot]) {
            if (entries.get(position - 1).path().equals(path)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
