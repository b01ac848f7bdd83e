package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.command.Subcommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run builds picocli's model only for the commands its arguments name; help, misspelt commands and a repository
 * named like a command still behave as with every command registered.
 */
class CommandRegistrationTest {
    @TempDir
    Path dir;

    @Test
    void aRunRegistersOnlyTheCommandItsArgumentsName() {
        BackmanCli cli = new BackmanCli(discard(), discard(), dir);

        assertThat(cli.modelFor("-q", "list").getSubcommands()).containsOnlyKeys("list");
        assertThat(cli.modelFor("catalog", "rebuild").getSubcommands().get("catalog").getSubcommands())
                .containsOnlyKeys("rebuild");
        List<String> all = Arrays.stream(Subcommand.values()).map(Subcommand::commandName).toList();
        assertThat(cli.modelFor("--help").getSubcommands().keySet()).containsExactlyElementsOf(all);
        assertThat(cli.modelFor("generate-completion").getSubcommands().keySet())
                .as("the completion script covers every command").containsExactlyElementsOf(all);
        assertThat(cli.model().getSubcommands()).hasSize(Subcommand.values().length);
    }

    @Test
    void helpListsEveryCommandAndAMisspeltOneIsAUsageErrorWithASuggestion() {
        Cli cli = new Cli(dir);

        Cli.Result help = cli.run("--help");
        Cli.Result misspelt = cli.run("bakup");

        assertThat(help.exitCode()).isZero();
        for (Subcommand command : Subcommand.values()) {
            assertThat(help.out()).contains("  " + command.commandName() + " ");
        }
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(misspelt.err()).contains("bakup").contains("backup");
    }

    @Test
    void aRepositoryNamedLikeACommandIsStillARepository() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.txt"), "a");
        Cli cli = new Cli(dir);

        Cli.Result init = cli.run("-r", "list", "init");
        Cli.Result backup = cli.run("-r", "list", "backup", "src");
        Cli.Result list = cli.run("--json", "-r", "list", "list");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.json()).hasSize(1);
        assertThat(dir.resolve("list/backman.repo.json")).isRegularFile();
    }

    private static PrintWriter discard() {
        return new PrintWriter(new StringWriter());
    }
}
