package dev.backman.cli.encryption;

import static dev.backman.cli.encryption.EncryptedRepository.MARKER;
import static dev.backman.cli.encryption.EncryptedRepository.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.FormatOneRepository;
import dev.backman.cli.SourceTree;
import dev.backman.domain.port.ArchiveStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format versions of an encrypted repository: checked before the passphrase, upgraded with the key kept. */
class EncryptedRepositoryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;
    Path project;
    Path repo;
    String previousDataDir;

    @BeforeEach
    void twoEncryptedBackups() throws IOException {
        previousDataDir = System.setProperty("backman.data.dir", dir.resolve("data").toString());
        cli = new Cli(dir);
        project = EncryptedRepository.project(dir);
        EncryptedRepository.passphraseFiles(dir);
        repo = dir.resolve("backups");
        config("pass.txt");
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        assertThat(cli.run("backup", "--id", "b2", "--format", "tar.zst").exitCode()).isZero();
    }

    @AfterEach
    void restoreDataDir() {
        if (previousDataDir == null) {
            System.clearProperty("backman.data.dir");
        } else {
            System.setProperty("backman.data.dir", previousDataDir);
        }
    }

    @Test
    void aNewerFormatIsRefusedBeforeThePassphraseIsTried() throws IOException {
        FormatOneRepository.setFormatVersion(repo, 99);
        config("other-pass.txt"); // a wrong passphrase: trying it first would fail with exit 1

        for (String[] command : new String[][] {{"list"}, {"status", "b1"}, {"restore", "b1", "--target", "out"}}) {
            Cli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).contains("repository format 99 is newer than this backman (it reads formats 1..2)");
        }
    }

    @Test
    void upgradeRewritesEncryptedManifestsAndKeepsTheKey() throws IOException {
        JsonNode encryption = descriptor().get("encryption");
        FormatOneRepository.downgrade(FormatOneRepository.unlocked(repo, PASSPHRASE));
        Map<String, String> backedUp = SourceTree.read(project);

        Cli.Result listFormatOne = cli.run("--json", "list");
        Cli.Result upgrade = cli.run("--json", "repo", "upgrade");

        assertThat(listFormatOne.exitCode()).as(listFormatOne.toString()).isZero();
        assertThat(listFormatOne.json()).hasSize(2);
        assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
        assertThat(upgrade.json().get("manifests_rewritten").asInt()).isEqualTo(2);
        assertThat(descriptor().get("format_version").asInt()).isEqualTo(2);
        assertThat(descriptor().get("encryption")).as("the wrapped key survives").isEqualTo(encryption);
        assertThat(EncryptedRepository.filesMentioning(repo, MARKER)).as("manifests stay encrypted").isEmpty();
        String id = descriptor().get("repository_id").asText();
        ArchiveStorage unlocked = FormatOneRepository.unlocked(repo, PASSPHRASE);
        for (String manifest : new String[] {"manifests/b1.json", "manifests/b2.json"}) {
            assertThat(FormatOneRepository.tree(unlocked, manifest).get("repository_id").asText()).isEqualTo(id);
        }
        Cli.Result restore = cli.run("restore", "b2", "--target", "out");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(backedUp);
        config("other-pass.txt");
        assertThat(cli.run("list").exitCode()).as("the old passphrase is still the one").isEqualTo(ExitCodes.FAILURE);
    }

    private JsonNode descriptor() throws IOException {
        return JSON.readTree(repo.resolve("backman.repo.json").toFile());
    }

    private void config(String passphraseFile) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncompression_type: zip\n"
                + "encryption: {passphrase_file: " + passphraseFile + "}\n");
    }
}
