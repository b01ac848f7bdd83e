package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntriesByPathTest {

    @Test
    void findsEveryEntryOfALargeTreeAndNothingElse() {
        List<FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(entry("root/dir" + i % 37 + "/file" + i));
        }

        EntriesByPath index = new EntriesByPath(entries);

        for (FileEntry entry : entries) {
            assertThat(index.get(entry.path())).isSameAs(entry);
        }
        assertThat(index.get("root/dir0/file10000")).isNull();
        assertThat(index.get("root")).isNull();
        assertThat(index.entries()).isSameAs(entries);
    }

    @Test
    void pathsWithTheSameHashCodeAreToldApart() {
        // "Aa" and "BB" hash alike, and so does every string made of the same number of them
        List<String> paths = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        assertThat(paths).extracting(String::hashCode).containsOnly("AaAa".hashCode());
        List<FileEntry> entries = paths.subList(0, 3).stream().map(EntriesByPathTest::entry).toList();

        EntriesByPath index = new EntriesByPath(entries);

        assertThat(index.get("AaAa")).isSameAs(entries.get(0));
        assertThat(index.get("AaBB")).isSameAs(entries.get(1));
        assertThat(index.get("BBAa")).isSameAs(entries.get(2));
        assertThat(index.get("BBBB")).isNull();
    }

    @Test
    void theLaterOfTwoEntriesAtOnePathWinsAsInAMap() {
        FileEntry first = entry("p/a");
        FileEntry second = new FileEntry("p/a", EntryType.DIR, 0, 0755, Instant.EPOCH, null, null, null);

        EntriesByPath index = new EntriesByPath(new LinkedList<>(List.of(first, entry("p/b"), second)));

        assertThat(index.get("p/a")).isSameAs(second);
        assertThat(index.get("p/b")).isNotNull();
    }

    @Test
    void anEmptyTreeHoldsNothing() {
        assertThat(new EntriesByPath(List.of()).get("anything")).isNull();
        assertThat(new EntriesByPath(List.of()).get("")).isNull();
    }

    private static FileEntry entry(String path) {
        return new FileEntry(path, EntryType.FILE, 1, 0644, Instant.EPOCH, "ab".repeat(32), null, "b1");
    }
}
