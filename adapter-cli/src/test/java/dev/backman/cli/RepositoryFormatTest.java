package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.filesystem.storage.LocalDiskArchiveStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository format versions: newer formats refused, format 1 read and written as before, {@code repo upgrade}. */
class RepositoryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;
    Path project;
    Path repo;

    @BeforeEach
    void twoBackups() {
        cli = new Cli(dir);
        project = SourceTree.create(dir.resolve("project"));
        repo = dir.resolve("backups");
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();
        assertThat(cli.run("backup", "project", "--id", "b2", "--format", "tar.zst").exitCode()).isZero();
    }

    @Test
    void newRepositoriesAreCreatedAtFormatTwoAndTheirManifestsNameThem() throws IOException {
        String id = descriptor().get("repository_id").asText();

        assertThat(FormatOneRepository.formatVersion(repo)).isEqualTo(2);
        assertThat(manifestRepositoryIds()).containsOnly(Map.entry("b1.json", id), Map.entry("b2.json", id));
    }

    @Test
    void aNewerFormatFailsEveryCommandWithExitTwoNamingBothVersions() {
        FormatOneRepository.setFormatVersion(repo, 99);

        for (String[] command : List.of(new String[] {"list"}, new String[] {"status", "b1"},
                new String[] {"restore", "b1", "--target", "out"}, new String[] {"backup", "project"},
                new String[] {"verify"}, new String[] {"prune"}, new String[] {"init"},
                new String[] {"catalog", "rebuild"}, new String[] {"repo", "upgrade"},
                new String[] {"export", "b1", "-o", "b1.tar"})) {
            Cli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(String.join(" ", command))
                    .contains("repository format 99 is newer than this backman (it reads formats 1..2)")
                    .contains("upgrade backman");
        }
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(FormatOneRepository.formatVersion(repo)).isEqualTo(99);
    }

    @Test
    void aFormatOneRepositoryIsListedRestoredAndBackedUpAsBefore() throws IOException {
        FormatOneRepository.downgrade(new LocalDiskArchiveStorage(repo));
        Map<String, String> backedUp = SourceTree.read(project);

        Cli.Result list = cli.run("--json", "list");
        Cli.Result restore = cli.run("restore", "b2", "--target", "out");
        Files.writeString(project.resolve("a.txt"), "changed after the downgrade\n");
        Cli.Result backup = cli.run("--json", "backup", "project", "--id", "b3", "--format", "tar.zst");
        Cli.Result verify = cli.run("verify");
        Cli.Result prune = cli.run("prune");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.json()).extracting(b -> b.get("backup_id").asText()).containsExactly("b1", "b2");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(backedUp);
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.json().get("backup_type").asText()).as("the chain goes on").isEqualTo("incremental");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(prune.exitCode()).as(prune.toString()).isZero();
        assertThat(FormatOneRepository.formatVersion(repo)).as("only repo upgrade changes the format").isEqualTo(1);
        assertThat(manifestRepositoryIds()).containsEntry("b1.json", null).containsEntry("b2.json", null)
                .containsEntry("b3.json", descriptor().get("repository_id").asText());
        Cli.Result latest = cli.run("restore", "b3", "--target", "latest");
        assertThat(latest.exitCode()).as(latest.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("latest/project"))).isEqualTo(SourceTree.read(project));
    }

    @Test
    void upgradeNamesTheRepositoryInEveryManifestThenBumpsTheFormat() throws IOException {
        FormatOneRepository.downgrade(new LocalDiskArchiveStorage(repo));
        JsonNode before = descriptor();
        JsonNode listBefore = cli.run("--json", "list").json();

        Cli.Result upgrade = cli.run("--json", "repo", "upgrade");

        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.json().get("from_version").asInt()).isEqualTo(1);
        assertThat(upgrade.json().get("to_version").asInt()).isEqualTo(2);
        assertThat(upgrade.json().get("manifests_rewritten").asInt()).isEqualTo(2);
        assertThat(upgrade.json().get("already_current").asBoolean()).isFalse();
        assertThat(upgrade.json().get("problems")).isEmpty();
        JsonNode after = descriptor();
        assertThat(after.get("format_version").asInt()).isEqualTo(2);
        assertThat(after.get("repository_id")).isEqualTo(before.get("repository_id"));
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        String id = after.get("repository_id").asText();
        assertThat(manifestRepositoryIds()).containsOnly(Map.entry("b1.json", id), Map.entry("b2.json", id));
        assertThat(cli.run("--json", "list").json()).isEqualTo(listBefore);
        Cli.Result restore = cli.run("restore", "b2", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(project));
        Cli.Result rebuild = cli.run("catalog", "rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(cli.run("verify").exitCode()).isZero();
    }

    @Test
    void upgradeOfACurrentRepositorySaysSoAndWritesNothing() throws IOException {
        Map<String, String> before = repositoryFiles();

        Cli.Result human = cli.run("repo", "upgrade");
        Cli.Result json = cli.run("--json", "repo", "upgrade");

        assertThat(human.exitCode()).as(human.toString()).isZero();
        assertThat(human.out()).contains("is at format 2 already; nothing to upgrade");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.json().get("already_current").asBoolean()).isTrue();
        assertThat(json.json().get("from_version").asInt()).isEqualTo(2);
        assertThat(json.json().get("to_version").asInt()).isEqualTo(2);
        assertThat(json.json().get("manifests_rewritten").asInt()).isZero();
        assertThat(repositoryFiles()).isEqualTo(before);
    }

    @Test
    void upgradeSaysWhatItDidAndSkipsManifestsItCannotReadExitingOne() throws IOException {
        FormatOneRepository.downgrade(new LocalDiskArchiveStorage(repo));
        Files.writeString(repo.resolve("manifests/broken.json"), "{\"backup\": tru");

        Cli.Result upgrade = cli.run("repo", "upgrade");

        assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(upgrade.out()).startsWith("repository " + repo + " upgraded from format 1 to 2: 2 manifest(s) "
                + "rewritten").contains("manifests/broken.json");
        assertThat(FormatOneRepository.formatVersion(repo)).isEqualTo(2);
        assertThat(Files.readString(repo.resolve("manifests/broken.json"))).isEqualTo("{\"backup\": tru");
    }

    @Test
    void aManifestCopiedInFromAnotherRepositoryIsRefusedByRebuildAndRestore() throws IOException {
        Cli other = new Cli(dir.resolve("elsewhere"));
        SourceTree.create(dir.resolve("elsewhere/project"));
        assertThat(other.run("backup", "project", "--id", "foreign").exitCode()).isZero();
        Files.copy(dir.resolve("elsewhere/backups/manifests/foreign.json"), repo.resolve("manifests/foreign.json"));
        Files.copy(dir.resolve("elsewhere/backups/archives/foreign.zip"), repo.resolve("archives/foreign.zip"));

        Cli.Result rebuild = cli.run("--json", "catalog", "rebuild");
        Cli.Result restore = cli.run("restore", "foreign", "--target", "out");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rebuild.json().get("backups").asInt()).isEqualTo(2);
        assertThat(rebuild.json().get("problems").get(0).asText()).contains("manifests/foreign.json")
                .contains("belongs to another repository");
        assertThat(cli.run("--json", "list").json()).extracting(b -> b.get("backup_id").asText())
                .containsExactly("b1", "b2");
        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("belongs to another repository");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOffsiteLocationOfANewerFormatIsLeftAloneAndTheBackupSucceeds() throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\noffsite: [{location: copy}]\n");
        assertThat(cli.run("replicate").exitCode()).isZero();
        FormatOneRepository.setFormatVersion(dir.resolve("copy"), 99);

        Cli.Result backup = cli.run("--json", "backup", "--id", "b3");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.json().get("replicas").get(0).get("status").asText()).isEqualTo("pending");
        assertThat(backup.err()).contains("repository format 99 is newer than this backman");
        assertThat(dir.resolve("copy/manifests/b3.json")).doesNotExist();
    }

    @Test
    void repoWithoutASubcommandIsAUsageError() {
        Cli.Result alone = cli.run("repo");

        assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("upgrade");
    }

    private JsonNode descriptor() throws IOException {
        return JSON.readTree(repo.resolve("backman.repo.json").toFile());
    }

    /** Manifest file name → its repository_id (null when the field is absent or null). */
    private Map<String, String> manifestRepositoryIds() throws IOException {
        Map<String, String> ids = new TreeMap<>();
        try (Stream<Path> files = Files.list(repo.resolve("manifests"))) {
            for (Path file : files.toList()) {
                JsonNode id = JSON.readTree(file.toFile()).get("repository_id");
                ids.put(file.getFileName().toString(), id == null || id.isNull() ? null : id.asText());
            }
        }
        return ids;
    }

    private Map<String, String> repositoryFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String sub : List.of("manifests", "archives")) {
            try (Stream<Path> list = Files.list(repo.resolve(sub))) {
                for (Path file : list.toList()) {
                    files.put(sub + "/" + file.getFileName(), Files.getLastModifiedTime(file) + " "
                            + java.util.Arrays.hashCode(Files.readAllBytes(file)));
                }
            }
        }
        files.put("backman.repo.json", Files.readString(repo.resolve("backman.repo.json")));
        return files;
    }
}
