package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog file of random bytes, or a real catalog cut short: every command that needs the catalog fails with
 * exit 1 naming the file and suggesting {@code catalog rebuild}, writes nothing, and the rebuild then recovers.
 */
class GarbageCatalogTest {
    @TempDir
    Path dir;
    private Cli cli;
    private Path catalog;

    @BeforeEach
    void oneBackup() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("backup", "project", "--id", "b1", "--format", "tar.zst").exitCode()).isZero();
        catalog = dir.resolve("backups/catalog.db");
    }

    @Test
    void randomBytesMakeEveryCommandSuggestARebuildAndTheRebuildRecovers() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(catalog, garbage);

        assertEveryCommandSuggestsARebuild();
        assertThat(Files.readAllBytes(catalog)).isEqualTo(garbage);
        assertRebuildRecovers();
    }

    @Test
    void aCatalogCutShortMakesEveryCommandSuggestARebuild() throws IOException {
        byte[] real = Files.readAllBytes(catalog);
        Files.write(catalog, Arrays.copyOf(real, 100)); // the SQLite header survives, the pages do not

        assertEveryCommandSuggestsARebuild();
        assertRebuildRecovers();
    }

    @Test
    void aCommandThatNeverReadsTheCatalogDoesNotOpenIt() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(catalog, garbage);

        Cli.Result dryRun = cli.run("backup", "project", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero(); // a dry run only scans
        assertThat(Files.readAllBytes(catalog)).isEqualTo(garbage);
    }

    private void assertEveryCommandSuggestsARebuild() {
        String[][] commands = {
            {"list"}, {"status", "b1"}, {"verify"}, {"restore", "b1", "--target", "out"},
            {"backup", "project", "--id", "b2"}, {"prune"},
        };
        for (String[] command : commands) {
            Cli.Result result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).as(String.join(" ", command)).contains(catalog.toString())
                    .contains("catalog rebuild");
            assertThat(result.out()).as(String.join(" ", command)).isEmpty();
        }
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("backups/manifests/b2.json")).doesNotExist();
    }

    private void assertRebuildRecovers() {
        Cli.Result rebuild = cli.run("catalog", "rebuild");
        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("out/project"))).isEqualTo(SourceTree.read(dir.resolve("project")));
    }
}
