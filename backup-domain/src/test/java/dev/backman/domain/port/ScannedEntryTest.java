package dev.backman.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScannedEntryTest {
    private static final Path ROOT = Path.of("/data/projects/src");

    @Test
    void theRootEntryIsTheRootItself() {
        assertThat(entry("src-2").source()).isEqualTo(ROOT);
    }

    @Test
    void anEntryBelowTheRootIsResolvedWithoutTheRootsArchiveName() {
        // the root's archive name ("src-2") may differ from its directory's name ("src")
        assertThat(entry("src-2/lib/a b/Main.java").source()).isEqualTo(ROOT.resolve("lib").resolve("a b")
                .resolve("Main.java"));
        assertThat(entry("src-2/top.txt").source()).isEqualTo(ROOT.resolve("top.txt"));
    }

    @Test
    void anExactSourceIsTakenAsItIs() {
        Path exact = Path.of("/elsewhere/raw name");
        ScannedEntry entry = new ScannedEntry("src-2/raw?name", ROOT, EntryType.FILE, 1, 0644, Instant.EPOCH, null,
                null, exact);

        assertThat(entry.source()).isSameAs(exact);
    }

    private static ScannedEntry entry(String archivePath) {
        return new ScannedEntry(archivePath, ROOT, EntryType.FILE, 1, 0644, Instant.EPOCH, null, null);
    }
}
