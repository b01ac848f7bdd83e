package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupStatisticsTest {
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void filesAreNewChangedOrUnchangedAgainstTheParentAndTheRestIsSavedByDedup() {
        Map<String, FileEntry> parent = Map.of(
                "src/same.txt", file("src/same.txt", 100, "aa"),
                "src/edited.txt", file("src/edited.txt", 50, "bb"),
                "src/was-a-dir", new FileEntry("src/was-a-dir", EntryType.DIR, 0, 0755, T, null, null, null));
        List<FileEntry> files = List.of(
                new FileEntry("src", EntryType.DIR, 0, 0755, T, null, null, null),
                file("src/same.txt", 100, "aa"),
                file("src/edited.txt", 60, "cc"),
                file("src/new.txt", 30, "dd"),
                file("src/was-a-dir", 10, "ee"));

        BackupStatistics statistics = BackupStatistics.count(files, ParentMatches.none(), parent::get, 70);

        assertThat(statistics.newFiles()).isEqualTo(2);
        assertThat(statistics.changedFiles()).isEqualTo(1);
        assertThat(statistics.unchangedFiles()).isEqualTo(1);
        assertThat(statistics.storedFileBytes()).isEqualTo(70);
        assertThat(statistics.dedupSavedBytes()).isEqualTo(200 - 70);
    }

    @Test
    void filesKnownToBeTheParentsCountAsUnchangedWithoutALookup() {
        List<FileEntry> files = List.of(
                new FileEntry("src", EntryType.DIR, 0, 0755, T, null, null, null),
                file("src/same.txt", 100, "aa"),
                file("src/new.txt", 30, "dd"));
        BitSet marked = new BitSet();
        marked.set(1);
        List<String> looked = new ArrayList<>();

        BackupStatistics statistics = BackupStatistics.count(files, ParentMatches.of(marked), path -> {
            looked.add(path);
            return null;
        }, 30);

        assertThat(statistics).isEqualTo(new BackupStatistics(1, 0, 1, 30, 100));
        assertThat(looked).containsExactly("src/new.txt");
    }

    @Test
    void withoutParentEveryFileIsNew() {
        BackupStatistics statistics = BackupStatistics.count(
                List.of(file("a", 5, "x"), file("b", 5, "x")), ParentMatches.none(), path -> null, 5);
        assertThat(statistics).isEqualTo(new BackupStatistics(2, 0, 0, 5, 5));
    }

    private static FileEntry file(String path, long size, String sha) {
        return new FileEntry(path, EntryType.FILE, size, 0644, T, sha, null, "b1");
    }
}
