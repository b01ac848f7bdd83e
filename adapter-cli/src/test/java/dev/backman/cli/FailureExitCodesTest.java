package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.error.RepositoryLocked;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureExitCodesTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
    }

    @Test
    void everyDomainFailureHasAnExitCode() {
        for (Class<?> type : BackupException.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends BackupException> failure = (Class<? extends BackupException>) type;
            assertThat(ExitCodes.maps(failure)).as(type.getSimpleName()).isTrue();
        }
        assertThat(ExitCodes.of(new BackupNotFound("x"))).isEqualTo(1);
        assertThat(ExitCodes.of(new RepositoryLocked("/r", "pid 1"))).isEqualTo(1);
        assertThat(ExitCodes.of(new InvalidConfiguration("k", "p"))).isEqualTo(2);
        assertThat(ExitCodes.of(new IntegrityViolation("b", "p", "x"))).isEqualTo(3);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
    }

    @Test
    void unknownBackupIdFailsWithExitOne() {
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();

        Cli.Result status = cli.run("status", "nope");
        Cli.Result restore = cli.run("restore", "nope", "--target", "out");

        assertThat(status.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(status.err()).startsWith("backman: ").contains("nope");
        assertThat(status.out()).isEmpty();
        assertThat(restore.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingSourcePathIsAUsageError() {
        Cli.Result result = cli.run("backup", "no-such-dir");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no-such-dir");
    }

    @Test
    void backupWithoutAnySourceIsAUsageError() {
        Cli.Result result = cli.run("backup");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("source");
    }

    @Test
    void invalidBackupIdIsAUsageErrorAndWritesNothing() {
        for (String id : new String[] {"../escape", "-dash-first", "has space", "x".repeat(129)}) {
            Cli.Result result = cli.run("backup", "project", "--id", id);

            assertThat(result.exitCode()).as(id).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(id).contains("not a valid backup id");
        }
        assertThat(dir.resolve("backups")).doesNotExist();
        assertThat(cli.run("status", "bad/id").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void commandLineMistakesAreUsageErrors() {
        assertThat(cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("backup", "--no-such-flag").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("-q", "-v", "list").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("backup", "project", "--max-file-size-mb", "lots").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void readingCommandsDoNotCreateARepository() {
        Cli.Result list = cli.run("list");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(list.err()).contains("no backman repository");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void stackTracesAreShownOnlyWithVerbose() {
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();

        Cli.Result plain = cli.run("status", "nope");
        Cli.Result verbose = cli.run("-v", "status", "nope");

        assertThat(plain.err().lines()).containsExactly("backman: no backup with id 'nope' (see `backman list`)");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verbose.err()).contains("BackupNotFound").contains("\tat dev.backman.");
    }

    @Test
    void helpAndVersionSucceed() {
        Cli.Result help = cli.run("--help");
        Cli.Result version = cli.run("--version");
        Cli.Result backupHelp = cli.run("backup", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("backup").contains("restore").contains("prune").contains("replicate")
                .contains("unlock");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("backman ");
        assertThat(backupHelp.out()).contains("--exclude").contains("--dry-run");
    }
}
