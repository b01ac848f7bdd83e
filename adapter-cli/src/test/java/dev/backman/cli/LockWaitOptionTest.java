package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockWaitOptionTest {
    @TempDir
    Path dir;

    @Test
    void invalidLockWaitIsAUsageError() {
        Cli.Result result = new Cli(dir).run("--lock-wait", "forever", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--lock-wait").contains("forever");
    }

    @Test
    void lockWaitIsAcceptedBeforeAndAfterTheCommand() {
        SourceTree.create(dir.resolve("project"));
        Cli cli = new Cli(dir);

        assertThat(cli.run("--lock-wait", "PT5S", "backup", "project").exitCode()).isZero();
        assertThat(cli.run("backup", "project", "--lock-wait", "5s").exitCode()).isZero();
    }
}
