package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRebuildTest {
    private static final byte[] GARBAGE = "this is not an SQLite database, it is garbage\n".repeat(20).getBytes();

    @TempDir
    Path dir;
    Cli cli;
    Path catalog;

    @BeforeEach
    void twoBackups() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();
        assertThat(cli.run("backup", "project", "--id", "b2", "--format", "tar.gz").exitCode()).isZero();
        catalog = dir.resolve("backups/catalog.db");
    }

    @Test
    void rebuildAfterTheCatalogWasDeletedListsTheSameBackups() throws IOException {
        JsonNode before = listJson();
        Files.delete(catalog);

        Cli.Result rebuild = cli.run("catalog", "rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).isEqualTo("catalog rebuilt: 2 backups" + System.lineSeparator());
        assertThat(listJson()).isEqualTo(before);
        Cli.Result restore = cli.run("restore", "b2", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    @Test
    void garbageCatalogFailsWithExitOneSuggestingRebuild() throws IOException {
        Files.write(catalog, GARBAGE);

        Cli.Result list = cli.run("list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(list.err()).contains(catalog.toString()).contains("catalog rebuild");
        assertThat(list.out()).isEmpty();
    }

    @Test
    void rebuildOverAGarbageCatalogWorksAndKeepsTheGarbageAside() throws IOException {
        JsonNode before = listJson();
        Files.write(catalog, GARBAGE);

        Cli.Result rebuild = cli.run("--json", "catalog", "rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.json().get("backups").asInt()).isEqualTo(2);
        assertThat(rebuild.json().get("problems")).isEmpty();
        assertThat(listJson()).isEqualTo(before);
        List<Path> replaced = replacedCatalogs();
        assertThat(replaced).hasSize(1);
        assertThat(Files.readAllBytes(replaced.get(0))).isEqualTo(GARBAGE);
    }

    @Test
    void unreadableManifestIsReportedLeftOutAndExitsOne() throws IOException {
        Files.writeString(dir.resolve("backups/manifests/broken.json"), "{\"backup\": tru");

        Cli.Result json = cli.run("--json", "catalog", "rebuild");
        Cli.Result human = cli.run("catalog", "rebuild");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(json.json().get("backups").asInt()).isEqualTo(2);
        assertThat(json.json().get("problems")).hasSize(1);
        assertThat(json.json().get("problems").get(0).asText()).contains("broken");
        assertThat(human.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(human.out()).startsWith("catalog rebuilt: 2 backups").contains("broken");
        assertThat(listJson()).extracting(node -> node.get("backup_id").asText()).containsExactly("b1", "b2");
    }

    @Test
    void rebuildThatCannotTakeTheRepositoryLockLeavesTheCatalogInPlace() throws IOException {
        JsonNode before = listJson();

        Cli.Result rebuild;
        try (RepositoryLock.Held held = new LocalRepositoryLock(dir.resolve("backups")).acquire("test", Duration.ZERO)) {
            rebuild = cli.run("catalog", "rebuild");
        }

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rebuild.err()).contains("locked");
        assertThat(replacedCatalogs()).isEmpty();
        assertThat(listJson()).isEqualTo(before);
    }

    @Test
    void rebuildNeedsAnExistingRepositoryAndCreatesNone() {
        Cli.Result rebuild = cli.run("-r", "elsewhere", "catalog", "rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rebuild.err()).contains("no backman repository");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void catalogWithoutASubcommandIsAUsageError() {
        Cli.Result catalogAlone = cli.run("catalog");

        assertThat(catalogAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(catalogAlone.err()).contains("rebuild");
        assertThat(cli.run("catalog", "frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private JsonNode listJson() {
        Cli.Result list = cli.run("--json", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.json()).hasSize(2);
        return list.json();
    }

    private List<Path> replacedCatalogs() throws IOException {
        try (Stream<Path> files = Files.list(catalog.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith("catalog.db.replaced-")).toList();
        }
    }
}
