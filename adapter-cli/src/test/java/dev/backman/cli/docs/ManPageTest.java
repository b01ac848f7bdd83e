package dev.backman.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.BackmanCli;
import dev.backman.cli.BuildInfo;
import dev.backman.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class ManPageTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "3ba3bfa", false, Optional.of("2026-11-29"));

    @TempDir
    Path dir;

    static CommandLine model() {
        PrintWriter discard = new PrintWriter(new StringWriter());
        return new BackmanCli(discard, discard, Path.of("").toAbsolutePath()).model();
    }

    /** Every command below {@code root}, depth first, as the page and the completion should list them. */
    static List<CommandSpec> allCommands(CommandSpec root) {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandSpec sub : ManPage.visibleSubcommands(root)) {
            all.add(sub);
            all.addAll(allCommands(sub));
        }
        return all;
    }

    @Test
    void everyCommandOfTheModelHasASectionWithItsSynopsis() {
        CommandLine model = model();
        String page = new ManPage(model, BUILD).render();

        List<CommandSpec> commands = allCommands(model.getCommandSpec());
        assertThat(commands).extracting(CommandSpec::name)
                .contains("backup", "restore", "verify", "rebuild", "change-passphrase", "generate-completion");
        for (CommandSpec command : commands) {
            String name = RoffText.escape(command.qualifiedName(" "));
            assertThat(page).as(name).contains(".SS \"" + name + "\"\n\\fB" + name + "\\fR");
        }
    }

    @Test
    void everyOptionAndParameterOfEveryCommandIsDescribed() {
        CommandLine model = model();
        String page = new ManPage(model, BUILD).render();

        List<String> tags = tagsOf(page);
        List<CommandSpec> commands = new ArrayList<>(allCommands(model.getCommandSpec()));
        commands.add(model.getCommandSpec());
        int options = 0;
        for (CommandSpec command : commands) {
            for (OptionSpec option : ManPage.ownOptions(command)) {
                for (String name : option.names()) {
                    assertThat(tags).as(command.qualifiedName() + " " + name)
                            .anyMatch(tag -> tag.contains(RoffText.bold(name)));
                }
                options++;
            }
            command.positionalParameters().forEach(p -> assertThat(page).as(command.qualifiedName())
                    .contains(".TP\n" + RoffText.italic(p.paramLabel()) + "\n"));
        }
        assertThat(options).isGreaterThan(20);
        assertThat(tags).contains(RoffText.bold("--dry-run"), RoffText.bold("--lock-wait") + "=\\fIDURATION\\fR",
                "\\fB\\-o\\fR, \\fB\\-\\-output\\fR=\\fIFILE\\fR", "\\fB\\-\\-json\\fR");
    }

    /** The lines that follow {@code .TP}: the tags of the page's option, parameter and exit code paragraphs. */
    private static List<String> tagsOf(String page) {
        List<String> lines = page.lines().toList();
        List<String> tags = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).equals(".TP")) {
                tags.add(lines.get(i));
            }
        }
        return tags;
    }

    @Test
    void theHeaderNamesTheVersionAndTheExitStatusListsEveryExitCode() {
        String page = new ManPage(model(), BUILD).render();

        assertThat(page).contains(".TH BACKMAN 1 \"2026-11-29\" \"backman 1.2.3\" \"User Commands\"\n",
                ".SH NAME\nbackman \\- backs up project files");
        assertThat(page.substring(page.indexOf(".SH EXIT STATUS"))).contains(
                ".TP\n\\fB" + ExitCodes.OK + "\\fR\nok\n",
                ".TP\n\\fB" + ExitCodes.USAGE + "\\fR\nusage or configuration error\n",
                ".TP\n\\fB" + ExitCodes.INTEGRITY + "\\fR\n",
                ".TP\n\\fB" + ExitCodes.UNREADABLE_FILES + "\\fR\n");
    }

    @Test
    void descriptionsAreFormattedAsTheHelpShowsThem() {
        String page = new ManPage(model(), BUILD).render();

        assertThat(page).contains("(e.g. 10 or 10%)").doesNotContain("%%").doesNotContain("%n");
        assertThat(page.lines().filter(line -> line.startsWith(".") && !line.startsWith(".\\\""))
                .map(line -> line.split(" ")[0]).distinct())
                .allMatch(macro -> List.of(".TH", ".SH", ".SS", ".PP", ".TP", ".IP", ".B", ".BR", ".I")
                        .contains(macro));
    }

    @Test
    void roffTextPrintsAsWritten() {
        assertThat(RoffText.escape("--dry-run")).isEqualTo("\\-\\-dry\\-run");
        assertThat(RoffText.escape(".tar.gz is a format")).isEqualTo("\\&.tar.gz is a format");
        assertThat(RoffText.escape("C:\\dir 'x'")).isEqualTo("C:\\edir \\(aqx\\(aq");
        assertThat(RoffText.formatted("10%% of them%n")).isEqualTo("10% of them" + System.lineSeparator());
        assertThat(RoffText.formatted("a lone % sign")).isEqualTo("a lone % sign");
    }

    @Test
    void groffFormatsThePageWithoutWarnings() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path page = dir.resolve("backman.1");
        Files.writeString(page, new ManPage(model(), BUILD).render());

        Process groff = new ProcessBuilder("/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", page.toString())
                .redirectErrorStream(true).start();
        String warnings = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(groff.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(groff.exitValue()).isZero();
    }
}
