package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests a backup sends to an S3 repository, seen on the wire: against a remote store each one is a round
 * trip, so their number must not grow with the backups the repository keeps, and small objects are read with one
 * GET, not a HEAD and a GET.
 */
class S3RequestCountTest {
    private static final String DESCRIPTOR = "/repo/backman.repo.json ";

    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    String bucket;
    FaultProxy proxy;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        bucket = server.newBucket();
        proxy = new FaultProxy(server.port());
        Files.writeString(dir.resolve("backman.yaml"), server.repositoryConfig(bucket, proxy.port()));
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
    }

    @Test
    void aBackupSendsAsManyRequestsWithTwoBackupsKeptAsWithTen() throws IOException {
        backup("b01");
        backup("b02");
        List<String> third = backup("b03");
        for (int i = 4; i <= 10; i++) {
            backup(String.format("b%02d", i));
        }
        List<String> eleventh = backup("b11");

        assertThat(eleventh).as("requests of the 11th backup vs the 3rd").hasSameSizeAs(third);
        assertThat(kinds(eleventh)).isEqualTo(kinds(third));
        assertThat(eleventh).as("nothing is asked about the backups kept")
                .noneMatch(line -> line.matches(".*/b(0\\d|10)\\..*"));
        assertThat(eleventh).filteredOn(line -> line.contains(DESCRIPTOR)).as("reads of backman.repo.json")
                .hasSize(2) // when the storage is opened, and again under the lock
                .allMatch(line -> line.startsWith("GET "));
        assertThat(eleventh).filteredOn(line -> line.contains("/repo/locks/") && line.startsWith("GET /"))
                .as("the writer's own lock record is not read back").isEmpty();
        assertThat(cli.run("--json", "list").json()).hasSize(11);
    }

    @Test
    void theFirstBackupOfANewRepositoryReadsNothingTwiceWithoutNeed() throws IOException {
        List<String> first = backup("b1");

        assertThat(first).filteredOn(line -> line.startsWith("HEAD ")).isEmpty();
        assertThat(first).filteredOn(line -> line.contains("/repo/archives/"))
                .as("the zip archive is checked as it is written, not read back").isNotEmpty()
                .noneMatch(line -> line.startsWith("GET "));
        assertThat(first).filteredOn(line -> line.startsWith("GET ") && line.contains(DESCRIPTOR))
                .as("opening, under the lock, and for the catalog's name once it exists").hasSize(3);
        assertThat(first).filteredOn(line -> line.startsWith("PUT ") && line.contains(DESCRIPTOR)).hasSize(1);
        assertThat(server.keys(bucket, "repo/manifests/")).containsExactly("repo/manifests/b1.json");
    }

    private List<String> backup(String id) {
        proxy.takeRequestLines();
        Cli.Result result = cli.run("backup", "--id", id);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return proxy.takeRequestLines();
    }

    /** Method and path without the ids and times that differ between backups. */
    private static List<String> kinds(List<String> lines) {
        return lines.stream().map(line -> line.replaceAll("b\\d\\d", "ID").replaceAll("locks/[^ ?]+", "locks/X")
                .replaceAll(" HTTP/1\\.1$", "")).sorted().toList();
    }
}
