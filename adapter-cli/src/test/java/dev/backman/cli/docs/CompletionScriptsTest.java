package dev.backman.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class CompletionScriptsTest {
    @TempDir
    Path dir;

    @Test
    void theBashCompletionKnowsEveryCommandAndOption() {
        CommandLine model = ManPageTest.model();
        String bash = new CompletionScripts(model).bash();

        for (CommandSpec command : ManPageTest.allCommands(model.getCommandSpec())) {
            assertThat(bash).as(command.qualifiedName()).contains(command.name());
            for (OptionSpec option : ManPage.ownOptions(command)) {
                assertThat(bash).as(command.qualifiedName()).contains(option.longestName());
            }
        }
        assertThat(bash).contains("complete -F _complete_backman");
    }

    @Test
    void bashCompletesCommandsSubcommandsAndOptionValues() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        Path script = dir.resolve("backman.bash");
        Files.writeString(script, new CompletionScripts(ManPageTest.model()).bash());

        assertThat(complete(script, "backman", "")).contains("backup", "restore", "catalog", "generate-completion");
        assertThat(complete(script, "backman", "catalog", "")).containsExactly("rebuild");
        assertThat(complete(script, "backman", "backup", "--for")).containsExactly("--format");
        assertThat(complete(script, "backman", "backup", "--format", "tar.z")).containsExactly("tar.zst");
    }

    @Test
    void theZshCompletionIsAnAutoloadableFunctionRunningTheBashCompletion() {
        CompletionScripts scripts = new CompletionScripts(ManPageTest.model());
        String zsh = scripts.zsh();

        assertThat(zsh).startsWith("#compdef backman\n")
                .contains("autoload -U +X bashcompinit && bashcompinit\n")
                .endsWith("_bash_complete -F _complete_backman\n");
        String quoted = zsh.substring(zsh.indexOf("eval '") + 6, zsh.lastIndexOf("'\n_bash_complete"));
        assertThat(quoted.replace("'\\''", "'")).isEqualTo(scripts.bash());
    }

    @Test
    void generateCompletionPrintsTheBashCompletion() {
        Cli.Result result = new Cli(dir).run("generate-completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().stripTrailing())
                .isEqualTo(new CompletionScripts(ManPageTest.model()).bash().stripTrailing());
    }

    /** The words bash would offer for the last word of {@code words}. */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String program = "source \"$1\"\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_backman 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("/bin/bash", "-c", program, "bash", script.toString()).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
