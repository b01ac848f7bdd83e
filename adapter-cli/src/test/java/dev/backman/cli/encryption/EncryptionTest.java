package dev.backman.cli.encryption;

import static dev.backman.cli.encryption.EncryptedRepository.MARKER;
import static dev.backman.cli.encryption.EncryptedRepository.OTHER_PASSPHRASE;
import static dev.backman.cli.encryption.EncryptedRepository.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.cli.Cli;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest of a local repository (SPEC 3, 5, 6). */
class EncryptionTest {
    @TempDir
    Path dir;
    Cli cli;
    Path project;
    Path repo;
    String previousDataDir;

    @BeforeEach
    void setUp() throws IOException {
        previousDataDir = System.setProperty("backman.data.dir", dir.resolve("data").toString());
        cli = new Cli(dir);
        project = EncryptedRepository.project(dir);
        EncryptedRepository.passphraseFiles(dir);
        repo = dir.resolve("backups");
        config("pass.txt");
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
    void namesSizesAndContentsNeverAppearInClearInTheRepository() throws IOException {
        Cli.Result zip = cli.run("-v", "--json", "backup", "--id", "b1", "--format", "zip");
        Cli.Result zst = cli.run("-v", "--json", "backup", "--id", "b2", "--format", "tar.zst", "--full");

        assertThat(zip.exitCode()).as(zip.toString()).isZero();
        assertThat(zst.exitCode()).as(zst.toString()).isZero();
        assertThat(zst.json().get("encrypted").asBoolean()).isTrue();
        assertThat(repo.resolve("archives/b1.zip.enc")).exists();
        assertThat(repo.resolve("archives/b2.tar.zst.enc")).exists();
        assertThat(repo.resolve("archives/b2.tar.zst")).doesNotExist();
        assertThat(repo.resolve("catalog.db")).as("the catalog lives in the data directory").doesNotExist();
        assertThat(EncryptedRepository.filesMentioning(repo, MARKER)).isEmpty();
        assertThat(EncryptedRepository.filesMentioning(repo, "notes.md")).isEmpty();
        assertThat(EncryptedRepository.filesMentioning(repo, PASSPHRASE)).isEmpty();
        assertThat(EncryptedRepository.filesMentioning(dir.resolve("data"), PASSPHRASE)).isEmpty();
        assertThat(zip.err() + zst.err()).doesNotContain(PASSPHRASE);
        JsonNode encryption = new ObjectMapper().readTree(repo.resolve("backman.repo.json").toFile())
                .get("encryption");
        assertThat(encryption.get("kdf").asText()).isEqualTo("argon2id");
        assertThat(encryption.get("memory_kib").asInt()).isEqualTo(65536);
        assertThat(encryption.get("wrapped_key").asText()).isNotBlank();

        assertThat(cli.run("verify").exitCode()).isZero();
        assertThat(cli.run("verify", "--quick").exitCode()).as("recorded sizes are the stored sizes").isZero();
        for (String id : new String[] {"b1", "b2"}) {
            Cli.Result restore = cli.run("restore", id, "--target", "restored-" + id);
            assertThat(restore.exitCode()).as(restore.toString()).isZero();
            assertThat(SourceTree.read(dir.resolve("restored-" + id + "/project"))).isEqualTo(SourceTree.read(project));
        }
    }

    @Test
    void aWrongPassphraseFailsBeforeAnythingIsReadOrWritten() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        config("other-pass.txt");
        var before = EncryptedRepository.snapshot(repo);

        Cli.Result backup = cli.run("-v", "backup", "--id", "b2");
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(backup.exitCode()).as(backup.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(backup.err()).contains("wrong passphrase").doesNotContain(OTHER_PASSPHRASE)
                .doesNotContain(PASSPHRASE);
        assertThat(restore.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(EncryptedRepository.snapshot(repo)).isEqualTo(before);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aScheduleWithAWrongPassphraseDoesNotStart() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        config("other-pass.txt");

        // were the passphrase checked only at the first run, the schedule would start and never return
        Cli.Result schedule = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cli.run("schedule", "--every", "1h"));

        assertThat(schedule.exitCode()).as(schedule.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(schedule.err()).contains("wrong passphrase");
    }

    @Test
    void changingThePassphraseRewrapsTheKeyWithoutTouchingArchives() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar.zst").exitCode()).isZero();
        byte[] archive = Files.readAllBytes(repo.resolve("archives/b1.tar.zst.enc"));
        byte[] manifest = Files.readAllBytes(repo.resolve("manifests/b1.json"));

        Cli.Result change = cli.run("key", "change-passphrase", "--new-passphrase-file", "other-pass.txt");

        assertThat(change.exitCode()).as(change.toString()).isZero();
        assertThat(repo.resolve("archives/b1.tar.zst.enc")).hasBinaryContent(archive);
        assertThat(repo.resolve("manifests/b1.json")).hasBinaryContent(manifest);
        Cli.Result old = cli.run("restore", "b1", "--target", "with-old");
        assertThat(old.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(old.err()).contains("wrong passphrase");
        config("other-pass.txt");
        Cli.Result restored = cli.run("restore", "b1", "--target", "with-new");
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("with-new/project"))).isEqualTo(SourceTree.read(project));
    }

    @Test
    void aFlippedBitIsFoundByVerifyAndRefusedByRestore() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar.zst").exitCode()).isZero();
        Path archive = repo.resolve("archives/b1.tar.zst.enc");
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0x01);
        }

        assertIntegrityFailure("flipped bit");
    }

    @Test
    void aTruncatedArchiveIsFoundByVerifyAndRefusedByRestore() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "zip").exitCode()).isZero();
        Path archive = repo.resolve("archives/b1.zip.enc");
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(file.length() - 20);
        }

        assertIntegrityFailure("truncated");
    }

    @Test
    void anotherBackupsArchiveInItsPlaceIsFoundByVerifyAndRefusedByRestore() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar.zst").exitCode()).isZero();
        assertThat(cli.run("backup", "--id", "b2", "--format", "tar.zst", "--full").exitCode()).isZero();
        Files.copy(repo.resolve("archives/b2.tar.zst.enc"), repo.resolve("archives/b1.tar.zst.enc"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertIntegrityFailure("swapped");
    }

    @Test
    void exportWritesADecryptedStandardArchive() throws IOException {
        assertThat(cli.run("backup", "--id", "b1", "--format", "tar.zst").exitCode()).isZero();

        Cli.Result export = cli.run("export", "b1", "-o", "b1.zip");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        try (ZipFile zip = new ZipFile(dir.resolve("b1.zip").toFile())) {
            var entry = zip.getEntry("project/" + MARKER + "-plan.txt");
            assertThat(entry).isNotNull();
            assertThat(new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("the plan: " + MARKER + "\n");
        }
    }

    @Test
    void initEncryptCreatesAnEncryptedRepositoryAndAnExistingPlainOneIsNotConverted() throws IOException {
        Files.writeString(dir.resolve("plain.yaml"), "source_paths: [project]\nbackup_location: plain\n");
        assertThat(cli.run("-c", "plain.yaml", "init").exitCode()).isZero();
        Files.writeString(dir.resolve("plain.yaml"), "source_paths: [project]\nbackup_location: plain\n"
                + "encryption: {passphrase_file: pass.txt}\n");

        Cli.Result convert = cli.run("-c", "plain.yaml", "backup");
        Cli.Result init = cli.run("init", "--encrypt");

        assertThat(convert.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(convert.err()).contains("not encrypted");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(Files.readString(repo.resolve("backman.repo.json"))).contains("\"encryption\"")
                .doesNotContain(PASSPHRASE);
    }

    @Test
    void withoutAPassphraseSourceOrTerminalAnEncryptedRepositoryIsAConfigurationError() throws IOException {
        assertThat(cli.run("backup", "--id", "b1").exitCode()).isZero();
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\n");

        Cli.Result list = cli.run("verify");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.err()).contains("encrypted").contains("passphrase_env");
    }

    private void assertIntegrityFailure(String what) {
        Cli.Result verify = cli.run("verify", "b1");
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(verify.exitCode()).as(what + ": " + verify).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.exitCode()).as(what + ": " + restore).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(dir.resolve("out/project/sub/notes.md")).doesNotExist();
        assertThat(dir.resolve("out/project/" + MARKER + "-plan.txt")).doesNotExist();
    }

    private void config(String passphraseFile) throws IOException {
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncompression_type: zip\n"
                + "encryption: {passphrase_file: " + passphraseFile + "}\n");
    }

}
