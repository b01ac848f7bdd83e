package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.SourceRoot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestorePlanTest {
    private static final List<SourceRoot> ROOTS = List.of(new SourceRoot("src", Path.of("/home/ana/project")),
            new SourceRoot("etc", Path.of("/home/ana/etc")));
    private static final FileEntry NESTED = entry("src/lib/a.txt");
    private static final FileEntry ROOT = entry("src");

    @Test
    void underATargetEachRootKeepsItsNameAndAnEntrysPathIsItsDestination() {
        RestorePlan plan = new RestorePlan(ROOTS, Path.of("/restore/here"));

        RestorePlan.Destination nested = plan.of(NESTED);

        assertThat(nested.base()).isEqualTo(Path.of("/restore/here"));
        assertThat(nested.relative()).isSameAs(NESTED.path()); // no copy per entry
        assertThat(nested.path()).isEqualTo(Path.of("/restore/here/src/lib/a.txt"));
        assertThat(nested.directory()).isEqualTo("src/lib");
        assertThat(plan.of(ROOT).relative()).isEqualTo("src");
        assertThat(plan.of(ROOT).directory()).isEmpty();
    }

    @Test
    void withoutATargetEachRootGoesBackToItsOriginalPlaceAndName() {
        RestorePlan plan = new RestorePlan(ROOTS, null);

        assertThat(plan.of(NESTED).base()).isEqualTo(Path.of("/home/ana"));
        assertThat(plan.of(NESTED).relative()).isEqualTo("project/lib/a.txt");
        assertThat(plan.of(ROOT).relative()).isEqualTo("project");
        assertThat(plan.of(entry("etc/hosts")).path()).isEqualTo(Path.of("/home/ana/etc/hosts"));
        assertThat(plan.of(entry("etc/hosts")).relative()).isEqualTo("etc/hosts");
    }

    @Test
    void theListOfDestinationPathsMakesEachWhenAskedAndARestoreResultKeepsIt() {
        RestorePlan plan = new RestorePlan(ROOTS, Path.of("/restore"));
        List<String> paths = new RestorePlan.Paths(List.of(plan.of(ROOT), plan.of(NESTED)));

        RestoreResult result = new RestoreResult("b1", 1, 3, 0, 1, 0, false, paths, List.of());

        assertThat(paths).containsExactly("/restore/src", "/restore/src/lib/a.txt");
        assertThat(result.plannedPaths()).isSameAs(paths);
        List<String> other = new java.util.ArrayList<>(List.of("/x"));
        assertThat(new RestoreResult("b1", 0, 0, 0, 0, 0, true, other, List.of()).plannedPaths())
                .isNotSameAs(other).containsExactly("/x");
    }

    private static FileEntry entry(String path) {
        return new FileEntry(path, path.contains(".") ? EntryType.FILE : EntryType.DIR, 0, 0644, Instant.EPOCH,
                null, null, null);
    }
}
