package dev.backman.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class SubcommandTest {

    @Test
    void eachCommandIsCalledByTheNameItsAnnotationGives() {
        for (Subcommand command : Subcommand.values()) {
            assertThat(command.type().getAnnotation(Command.class).name())
                    .as(command.name()).isEqualTo(command.commandName());
        }
    }

    @Test
    void argumentsThatNameACommandGetOnlyThatCommand() {
        assertThat(Subcommand.namedIn("-c", "backman.yaml", "backup", "src", "--full"))
                .containsExactly(Subcommand.BACKUP);
        assertThat(Subcommand.namedIn("--json", "catalog", "rebuild")).containsExactly(Subcommand.CATALOG);
    }

    @Test
    void everyWordThatNamesACommandCountsInHelpOrder() {
        // `-r list backup`: a repository directory called "list"; picocli decides which word is the command
        assertThat(Subcommand.namedIn("-r", "list", "backup", "list")).containsExactly(Subcommand.BACKUP,
                Subcommand.LIST);
    }

    @Test
    void argumentsThatNameNoCommandGetThemAll() {
        List<Subcommand> all = List.of(Subcommand.values());
        assertThat(Subcommand.namedIn()).isEqualTo(all);
        assertThat(Subcommand.namedIn("--help")).isEqualTo(all);
        assertThat(Subcommand.namedIn("bakup", "src")).isEqualTo(all);
        assertThat(Subcommand.namedIn("Backup")).as("names are exact").isEqualTo(all);
        assertThat(Subcommand.namedIn("generate-completion")).as("its script covers every command").isEqualTo(all);
    }
}
