package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest that is cut short, not JSON, missing fields, about another backup, or pointing at what is not there:
 * restore and verify exit 3 naming the manifest, list (the catalog) still works, and {@code catalog rebuild} leaves
 * a bad manifest out, names it, exits 1 and keeps every good one.
 */
class DamagedManifestTest {
    @TempDir
    Path dir;
    private Cli cli;
    private ManifestFile b1;

    @BeforeEach
    void twoBackups() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();
        assertThat(cli.run("backup", "project", "--id", "b2", "--format", "tar.gz").exitCode()).isZero();
        b1 = new ManifestFile(dir.resolve("backups"), "b1");
    }

    @Test
    void aTruncatedManifestIsNamedByRestoreAndVerifyWhileListStillWorks() throws IOException {
        b1.cutInHalf();

        assertRefused("manifests/b1.json: unreadable manifest: the manifest is damaged or incomplete");
        Cli.Result list = cli.run("--json", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.json()).extracting(node -> node.get("backup_id").asText()).containsExactly("b1", "b2");
    }

    @Test
    void aManifestThatIsNotJsonIsNamed() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(11).nextBytes(garbage);
        b1.overwrite(garbage);
        assertRefused("manifests/b1.json: unreadable manifest");

        b1.overwrite("just some text\n");
        assertRefused("manifests/b1.json: unreadable manifest");
    }

    @Test
    void aDeeplyNestedManifestIsRefusedWithoutOverflowingTheStack() throws IOException {
        b1.overwrite("[".repeat(200_000));

        assertRefused("manifests/b1.json: unreadable manifest");
    }

    @Test
    void aManifestMissingARequiredFieldNamesTheField() throws IOException {
        b1.editJson(root -> ((ObjectNode) root.get("files").get(1)).remove("path"));
        assertRefused("manifests/b1.json: unreadable manifest: the manifest is damaged or incomplete: "
                + "missing field 'path' at files[1]");

        b1.editJson(root -> root.remove("files"));
        assertRefused("missing field 'files'");
    }

    @Test
    void aFileEntryWithoutItsDigestIsRefusedRatherThanRestoredUnchecked() throws IOException {
        b1.editJson(root -> {
            for (JsonNode file : root.get("files")) {
                if (file.get("type").asText().equals("file")) {
                    ((ObjectNode) file).putNull("sha256");
                }
            }
        });

        assertRefused("manifests/b1.json: invalid manifest: files[");
        assertThat(cli.run("restore", "b1", "--target", "out").err()).contains("has no valid sha256");
    }

    @Test
    void aManifestDescribingAnotherBackupIsRefused() throws IOException {
        Files.copy(dir.resolve("backups/manifests/b2.json"), b1.path(), StandardCopyOption.REPLACE_EXISTING);

        assertRefused("manifests/b1.json: invalid manifest: it describes backup 'b2', not b1");
    }

    @Test
    void aMissingManifestOfAKnownBackupIsNamed() throws IOException {
        Files.delete(b1.path());

        assertRefused("its manifest manifests/b1.json is missing from the repository");
    }

    @Test
    void aManifestWhoseArchiveIsMissingNamesTheArchive() throws IOException {
        Files.delete(dir.resolve("backups/archives/b1.zip"));

        assertRefused("archives/b1.zip: archive is missing from the repository");
    }

    @Test
    void aManifestNamingAnotherBackupThatDoesNotExistAsHolderIsDamageNotAnUnknownId() throws IOException {
        b1.editFiles(files -> files.replaceAll(f -> f.path().equals("project/a.txt") ? f.withStoredIn("ghost") : f));

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("backup b1 is damaged: project/a.txt: its contents are stored in backup "
                + "ghost, whose manifest manifests/ghost.json is missing from the repository");
        assertThat(SourceTree.fileCount(dir.resolve("out"))).isZero();
    }

    @Test
    void anIncrementalBackupWhoseHoldersManifestIsDamagedIsRefusedNamingThatManifest() throws IOException {
        // b3 changes nothing: every content it lists is stored in b2's archive, which b2's manifest describes
        assertThat(cli.run("backup", "project", "--id", "b3", "--format", "tar.gz").exitCode()).isZero();
        ManifestFile b2 = new ManifestFile(dir.resolve("backups"), "b2");
        b2.editJson(root -> {
            JsonNode last = null;
            for (JsonNode file : root.get("files")) {
                last = file.get("type").asText().equals("file") ? file : last;
            }
            ((ObjectNode) last).put("sha256", "not a digest");
        });

        Cli.Result restore = cli.run("restore", "b3", "--target", "out");
        Cli.Result export = cli.run("export", "b3", "-o", "b3.tar");

        for (Cli.Result refused : List.of(restore, export)) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.INTEGRITY);
            assertThat(refused.err()).contains("manifests/b2.json: invalid manifest: files[")
                    .contains("has no valid sha256");
        }
        assertThat(SourceTree.fileCount(dir.resolve("out"))).isZero();

        b2.cutInHalf();
        Cli.Result truncated = cli.run("restore", "b3", "--target", "out");
        assertThat(truncated.exitCode()).as(truncated.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(truncated.err()).contains("manifests/b2.json: unreadable manifest").contains("damaged or incomplete");
        assertThat(SourceTree.fileCount(dir.resolve("out"))).isZero();
    }

    @Test
    void catalogRebuildLeavesBadManifestsOutNamesThemAndKeepsTheGoodOnes() throws IOException {
        assertThat(cli.run("backup", "project", "--id", "b3", "--format", "tar").exitCode()).isZero();
        b1.cutInHalf();
        Files.copy(dir.resolve("backups/manifests/b2.json"), dir.resolve("backups/manifests/b2-copy.json"));
        Files.writeString(dir.resolve("backups/manifests/junk.json"), "not a manifest");
        new ManifestFile(dir.resolve("backups"), "b3").editJson(root -> ((ObjectNode) root.get("backup"))
                .remove("compression_type"));

        Cli.Result rebuild = cli.run("--json", "catalog", "rebuild");
        Cli.Result list = cli.run("--json", "list");
        Cli.Result restore = cli.run("restore", "b2", "--target", "out");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rebuild.json().get("backups").asInt()).isEqualTo(1);
        assertThat(rebuild.json().get("problems")).extracting(JsonNode::asText).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).contains("manifests/b1.json").contains("damaged or incomplete"),
                p -> assertThat(p).contains("manifests/b2-copy.json").contains("describes backup 'b2'"),
                p -> assertThat(p).contains("manifests/b3.json").contains("missing field 'compression_type'"),
                p -> assertThat(p).contains("manifests/junk.json"));
        assertThat(list.json()).extracting(node -> node.get("backup_id").asText()).containsExactly("b2");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    /** Restore and verify of b1 exit 3 naming the problem; b2 still verifies, and nothing was restored. */
    private void assertRefused(String problem) {
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");
        Cli.Result verify = cli.run("verify");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).startsWith("backman: backup b1 is damaged: ").contains(problem);
        assertThat(SourceTree.fileCount(dir.resolve("out"))).isZero();
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("DAMAGED  b1").contains(problem).contains("ok       b2");
    }
}
