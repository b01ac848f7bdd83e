package dev.backman.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.cli.Cli;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.sqlite.SqliteBackupCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks a repository must pass after a writer was killed and the next run recovered it: no backup claims to be
 * complete that is not, every completed backup verifies and restores exactly the tree it recorded, nothing is left
 * of the dead writer (temporary objects, half-written lock records, orphan archives), and no backup is left
 * pending or in progress.
 */
final class RecoveredRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path work;
    private final Path repo;
    private final Cli cli;

    /** {@code work} holds {@code backman.yaml}, the sources and the repository {@code repo/}. */
    RecoveredRepository(Path work) {
        this.work = work;
        this.repo = work.resolve("repo");
        this.cli = new Cli(work);
    }

    /** The catalog's rows, read directly (as the next run would see them). */
    List<BackupMetadata> rows() {
        if (!Files.exists(repo.resolve("catalog.db"))) {
            return List.of();
        }
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            return catalog.list();
        }
    }

    private int catalogFiles(String id) {
        try (SqliteBackupCatalog catalog = SqliteBackupCatalog.open(repo.resolve("catalog.db"))) {
            return catalog.files(id).size();
        }
    }

    private int manifestFiles(String id) throws IOException {
        return JSON.readTree(repo.resolve(RepositoryLayout.manifestKey(id)).toFile()).get("files").size();
    }

    /** Object keys under a prefix ({@code archives/}, {@code manifests/}). */
    Set<String> keys(String prefix) throws IOException {
        Path dir = repo.resolve(prefix);
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> prefix + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Whether a writer's temporary objects are in {@code tmp/}. */
    boolean hasTemporaryObjects() throws IOException {
        return !leftovers(repo.resolve("tmp")).isEmpty();
    }

    /** Every check; {@code snapshotOf} gives the tree each backup recorded. */
    void assertRecovered(String context, Function<String, Map<String, String>> snapshotOf) throws IOException {
        assertRecovered(context, snapshotOf, id -> true);
    }

    /** Every check, restoring only the completed backups that {@code restore} accepts. */
    void assertRecovered(String context, Function<String, Map<String, String>> snapshotOf,
                         Predicate<String> restore) throws IOException {
        List<BackupMetadata> rows = rows();
        assertThat(rows).as(context + ": statuses").extracting(BackupMetadata::status)
                .allMatch(s -> s == BackupStatus.COMPLETED || s == BackupStatus.FAILED);
        List<BackupMetadata> completed = rows.stream().filter(b -> b.status() == BackupStatus.COMPLETED).toList();
        assertThat(keys(RepositoryLayout.MANIFESTS)).as(context + ": manifests are those of completed backups")
                .containsExactlyInAnyOrderElementsOf(completed.stream()
                        .map(b -> RepositoryLayout.manifestKey(b.backupId())).toList());
        assertThat(keys(RepositoryLayout.ARCHIVES)).as(context + ": archives are those of completed backups")
                .containsExactlyInAnyOrderElementsOf(completed.stream()
                        .map(b -> RepositoryLayout.archiveKey(b.backupId(), b.compressionType())).toList());
        for (BackupMetadata backup : completed) {
            assertThat(catalogFiles(backup.backupId())).as(context + ": catalog file list of " + backup.backupId())
                    .isEqualTo(manifestFiles(backup.backupId()));
        }
        assertThat(leftovers(work)).as(context + ": temporary files left").isEmpty();
        try (Stream<Path> locks = Files.list(repo.resolve("locks"))) {
            assertThat(locks.map(p -> p.getFileName().toString())).as(context + ": lock directory")
                    .containsExactly("repository.lock");
        }
        Cli.Result verify = cli.run("--json", "verify");
        assertThat(verify.exitCode()).as(context + ": verify\n" + verify).isZero();
        assertThat(verify.json().get("backups")).as(context + ": verified").hasSize(completed.size());
        for (BackupMetadata backup : completed.stream().filter(b -> restore.test(b.backupId())).toList()) {
            assertRestores(context, backup.backupId(), snapshotOf.apply(backup.backupId()));
        }
    }

    private void assertRestores(String context, String id, Map<String, String> expected) throws IOException {
        Path target = work.resolve("restore-" + id);
        Cli.Result restore = cli.run("restore", id, "--target", target.toString());
        assertThat(restore.exitCode()).as(context + ": restore " + id + "\n" + restore).isZero();
        assertThat(expected).as(context + ": the tree of " + id + " is known").isNotNull();
        assertThat(TreeSnapshot.of(target.resolve("src"))).as(context + ": restored " + id).isEqualTo(expected);
        assertThat(leftovers(target)).as(context + ": restore temporaries").isEmpty();
        deleteTree(target);
    }

    /** Files a dead writer may leave: staged objects, lock records being written, restore and export temporaries. */
    private static List<Path> leftovers(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".part") || name.endsWith(".tmp") || name.contains(".backman-")
                        || (p.getParent().endsWith("tmp") && Files.isRegularFile(p));
            }).toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
