package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void backUp() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        // an uncompressed tar keeps file contents verbatim, so the test can damage one file's bytes
        Cli.Result backup = cli.run("backup", "project", "--id", "b1", "--format", "tar");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
    }

    @Test
    void verifyFindsADamagedArchiveExitsThreeAndMarksItCorrupted() throws IOException {
        ArchiveDamage.replace(dir.resolve("backups/archives/b1.tar"), "hello backman", "HELLO BACKMAN");

        Cli.Result verify = cli.run("verify");
        Cli.Result status = cli.run("status", "b1", "--json");

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("DAMAGED").contains("b1");
        assertThat(status.json().get("status").asText()).isEqualTo("corrupted");
    }

    @Test
    void verifyFindsDamageInASmallFileAndInALargeOneWhateverThreadHashesThem() throws IOException {
        // small files are hashed where they are read, large ones on a second thread: both must catch damage
        String large = "large file line\n".repeat(40_000) + "the large file's middle\n" + "tail\n".repeat(10_000);
        Files.writeString(dir.resolve("project/large.txt"), large);
        Cli.Result backup = cli.run("backup", "project", "--id", "b2", "--format", "tar", "--full");
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(cli.run("verify", "b2").exitCode()).isZero();

        Path archive = dir.resolve("backups/archives/b2.tar");
        ArchiveDamage.replace(archive, "the large file's middle", "THE LARGE FILE'S MIDDLE");
        ArchiveDamage.replace(archive, "hello backman", "HELLO BACKMAN");
        Cli.Result verify = cli.run("--json", "verify", "b2");

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.json().get("backups").get(0).get("problems")).extracting(JsonNode::asText)
                .anySatisfy(p -> assertThat(p).startsWith("project/large.txt: SHA-256 mismatch"))
                .anySatisfy(p -> assertThat(p).contains(": SHA-256 mismatch").doesNotContain("large.txt"));
    }

    @Test
    void verifyJsonReportsTheProblems() throws IOException {
        ArchiveDamage.replace(dir.resolve("backups/archives/b1.tar"), "second file", "SECOND FILE");

        Cli.Result verify = cli.run("--json", "verify", "b1");

        assertThat(verify.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.json().get("ok").asBoolean()).isFalse();
        assertThat(verify.json().get("backups").get(0).get("status").asText()).isEqualTo("corrupted");
        assertThat(verify.json().get("backups").get(0).get("problems")).isNotEmpty();
    }
}
