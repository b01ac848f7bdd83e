package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --quick}, {@code verify --sample}, and what {@code status} tells about verifications. */
class VerifyModesTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void backUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        // an uncompressed tar keeps file contents verbatim, so a test can damage a file's bytes in place
        for (String id : new String[] {"b1", "b2", "b3"}) {
            Files.writeString(dir.resolve("project/changing.txt"), "generation " + id + "\n");
            Cli.Result backup = cli.run("backup", "project", "--id", id, "--format", "tar");
            assertThat(backup.exitCode()).as(backup.toString()).isZero();
        }
    }

    @Test
    void quickChecksPresenceAndSizeOnlySoDamagedBytesNeedAFullVerify() throws IOException {
        ArchiveDamage.replace(archive("b1"), "hello backman", "HELLO BACKMAN"); // same size

        Cli.Result quick = cli.run("verify", "--quick");
        Cli.Result full = cli.run("verify", "b1");

        assertThat(quick.exitCode()).as(quick.toString()).isZero();
        assertThat(quick.out()).contains("ok       b1 (manifest and archive present, size as recorded)")
                .contains("archive contents were not read");
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(full.out()).contains("DAMAGED  b1");
    }

    @Test
    void quickFindsAMissingOrResizedArchiveMarksItCorruptedAndExitsThree() throws IOException {
        Files.write(archive("b2"), new byte[] {0}, StandardOpenOption.APPEND);
        Files.delete(archive("b3"));

        Cli.Result quick = cli.run("--json", "verify", "--quick");

        assertThat(quick.exitCode()).as(quick.toString()).isEqualTo(ExitCodes.INTEGRITY);
        JsonNode json = quick.json();
        assertThat(json.get("mode").asText()).isEqualTo("quick");
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("candidates").asInt()).isEqualTo(3);
        JsonNode b1 = json.get("backups").get(0);
        assertThat(b1.get("backup_id").asText()).isEqualTo("b1");
        assertThat(b1.get("result").asText()).isEqualTo("ok");
        assertThat(b1.get("status").asText()).isEqualTo("completed");
        assertThat(b1.get("mode").asText()).isEqualTo("quick");
        assertThat(b1.get("files_checked").asLong()).isZero();
        assertThat(b1.get("verified_at").asText()).isNotBlank();
        JsonNode b2 = json.get("backups").get(1);
        assertThat(b2.get("result").asText()).isEqualTo("damaged");
        assertThat(b2.get("status").asText()).isEqualTo("corrupted");
        long recorded = cli.run("--json", "status", "b2").json().get("archive_size_bytes").asLong();
        assertThat(b2.get("problems").get(0).asText())
                .isEqualTo("archives/b2.tar: archive has " + (recorded + 1) + " bytes, " + recorded + " recorded");
        assertThat(json.get("backups").get(2).get("problems").get(0).asText())
                .isEqualTo("archives/b3.tar: archive is missing from the repository");
    }

    @Test
    void aBackupThatQuickVerifyFindsDamagedMakesTheNextBackupStartANewFullChain() throws IOException {
        Files.write(archive("b2"), new byte[] {0}, StandardOpenOption.APPEND); // b2 is in the middle of the chain

        assertThat(cli.run("verify", "--quick").exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        Cli.Result next = cli.run("--json", "backup", "project", "--id", "b4", "--format", "tar");

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.json().get("backup_type").asText()).isEqualTo("full");
        assertThat(next.err()).contains("full backup: backup b2 of the chain is damaged");
    }

    @Test
    void onlyAVerifyThatReadsTheArchiveTurnsACorruptedBackupBackToCompleted() throws IOException {
        byte[] original = Files.readAllBytes(archive("b1"));
        ArchiveDamage.replace(archive("b1"), "hello backman", "HELLO BACKMAN");
        assertThat(cli.run("verify", "b1").exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        Files.write(archive("b1"), original); // the archive is put back

        Cli.Result quick = cli.run("--json", "verify", "--quick", "b1");
        assertThat(quick.exitCode()).isZero();
        assertThat(quick.json().get("backups").get(0).get("status").asText()).as("quick cannot tell")
                .isEqualTo("corrupted");

        Cli.Result full = cli.run("--json", "verify", "b1");
        assertThat(full.exitCode()).isZero();
        assertThat(full.json().get("backups").get(0).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void statusTellsWhenHowAndWithWhatOutcomeABackupWasLastVerified() throws IOException {
        JsonNode never = cli.run("--json", "status", "b1").json();
        assertThat(never.get("backup_id").asText()).as("the metadata is all there").isEqualTo("b1");
        assertThat(never.get("status").asText()).isEqualTo("completed");
        for (String field : new String[] {"last_verified_at", "last_verify_mode", "last_verify_result",
                "last_verify_problem", "last_full_verify_at"}) {
            assertThat(never.has(field)).as(field).isTrue();
            assertThat(never.get(field).isNull()).as(field).isTrue();
        }
        assertThat(cli.run("status", "b1").out()).contains("last_verified_at:   never");

        assertThat(cli.run("verify", "b1").exitCode()).isZero();
        Files.delete(archive("b1"));
        assertThat(cli.run("verify", "--quick", "b1").exitCode()).isEqualTo(ExitCodes.INTEGRITY);

        JsonNode status = cli.run("--json", "status", "b1").json();
        assertThat(status.get("status").asText()).isEqualTo("corrupted");
        assertThat(status.get("last_verify_mode").asText()).isEqualTo("quick");
        assertThat(status.get("last_verify_result").asText()).isEqualTo("damaged");
        assertThat(status.get("last_verify_problem").asText())
                .isEqualTo("archives/b1.tar: archive is missing from the repository");
        assertThat(status.get("last_full_verify_at").asText()).as("the full verify before").isNotBlank();
        Cli.Result human = cli.run("status", "b1");
        assertThat(human.out()).contains("(quick)").contains("last_verify_result: damaged")
                .contains("last_verify_problem: archives/b1.tar: archive is missing")
                .contains("last_full_verify_at:");
    }

    @Test
    void repeatedSamplesReadEveryBackupInTurnLongestUnverifiedFirst() {
        Set<String> read = new HashSet<>();
        for (int run = 0; run < 2; run++) {
            Cli.Result sample = cli.run("--json", "verify", "--sample", "40%");
            assertThat(sample.exitCode()).as(sample.toString()).isZero();
            JsonNode json = sample.json();
            assertThat(json.get("mode").asText()).isEqualTo("sample");
            assertThat(json.get("candidates").asInt()).isEqualTo(3);
            assertThat(json.get("backups")).hasSize(2); // 40 % of 3, rounded up
            json.get("backups").forEach(b -> {
                assertThat(b.get("files_checked").asLong()).isPositive();
                read.add(b.get("backup_id").asText());
            });
        }
        assertThat(read).as("two runs of 40 %% cover all three").containsExactlyInAnyOrder("b1", "b2", "b3");
        assertThat(cli.run("--json", "status", "b1").json().get("last_verify_mode").asText()).isEqualTo("sample");
        assertThat(cli.run("verify", "--sample", "1").out()).contains("sample: 1 of 3 backup(s)");
    }

    @Test
    void invalidSampleOrQuickWithSampleIsAUsageError() {
        assertThat(cli.run("verify", "--sample", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("verify", "--sample", "101").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("verify", "--sample", "lots").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result both = cli.run("verify", "--quick", "--sample", "10");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--quick and --sample exclude each other");
    }

    private Path archive(String id) {
        return dir.resolve("backups/archives/" + id + ".tar");
    }
}
