package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.command.Subcommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * {@code --json} on every command that reports something: stdout is exactly one JSON document, and a progress bar
 * never shows even on a terminal. A new command must be added here (or to {@link #NOT_HERE}).
 */
class JsonOutputTest {
    /**
     * Commands left out: the shell completion script is no report; {@code schedule} runs until it is stopped and
     * prints one JSON object per run (JSON Lines), which its own tests check.
     */
    private static final Set<String> NOT_HERE = Set.of("generate-completion", "schedule");

    @TempDir
    Path dir;
    private Cli cli;
    private String previousDataDir;

    @BeforeEach
    void setUp() throws IOException {
        previousDataDir = System.setProperty("backman.data.dir", dir.resolve("data").toString());
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\noffsite: [{location: copy}]\n");
        cli = new Cli(dir).withTerminal(() -> true);
    }

    @AfterEach
    void restoreDataDir() {
        if (previousDataDir == null) {
            System.clearProperty("backman.data.dir");
        } else {
            System.setProperty("backman.data.dir", previousDataDir);
        }
    }

    @Test
    void everyReportingCommandPrintsOneJsonDocumentAndNothingElseOnStdout() throws IOException {
        Set<String> covered = new LinkedHashSet<>();
        json(covered, "init");
        json(covered, "backup", "--id", "b1");
        json(covered, "backup", "--dry-run");
        json(covered, "list");
        json(covered, "status", "b1");
        json(covered, "verify");
        json(covered, "verify", "--quick");
        json(covered, "restore", "b1", "--target", "restored");
        json(covered, "restore", "b1", "--target", "restored-dry", "--dry-run");
        json(covered, "export", "b1", "-o", "b1.tar.gz");
        json(covered, "replicate");
        json(covered, "prune", "--dry-run");
        json(covered, "prune");
        json(covered, "catalog", "rebuild");
        json(covered, "unlock", "--force");
        json(covered, "repo", "upgrade");
        Files.writeString(dir.resolve("pass.txt"), "first passphrase\n");
        Files.writeString(dir.resolve("new-pass.txt"), "second passphrase\n");
        Files.writeString(dir.resolve("encrypted.yaml"), "source_paths: [project]\nbackup_location: sealed\n"
                + "encryption: {passphrase_file: pass.txt}\n");
        json(covered, "-c", "encrypted.yaml", "init", "--encrypt");
        json(covered, "-c", "encrypted.yaml", "key", "change-passphrase", "--new-passphrase-file", "new-pass.txt");

        Set<String> reporting = new TreeSet<>();
        for (Subcommand command : Subcommand.values()) {
            reporting.addAll(leafCommands(command.type(), ""));
        }
        reporting.removeAll(NOT_HERE);
        assertThat(covered).as("commands run with --json here").containsExactlyInAnyOrderElementsOf(reporting);
    }

    @Test
    void aFailingCommandPrintsNothingOnStdout() {
        assertThat(cli.run("init").exitCode()).isZero();

        Cli.Result missing = cli.run("--json", "status", "no-such-backup");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no-such-backup");
    }

    /** Runs {@code --json args}, asserts success, one JSON document on stdout and no bar; records the command. */
    private void json(Set<String> covered, String... args) {
        List<String> line = new ArrayList<>(List.of("--json"));
        line.addAll(Arrays.asList(args));
        Cli.Result result = cli.run(line.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()).as(result.toString()).isNotNull();
        assertThat(result.out()).as("one line of JSON").hasLineCount(1);
        assertThat(result.err()).as("no progress bar with --json").doesNotContain("\r");
        covered.add(commandOf(args));
    }

    /** The command's name as typed: its words up to the first option or argument. */
    private static String commandOf(String... args) {
        List<String> words = new ArrayList<>();
        Set<String> groups = Set.of("catalog", "key", "repo");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c")) {
                i++;
            } else if (words.isEmpty() || groups.contains(words.get(words.size() - 1))) {
                words.add(args[i]);
            } else {
                break;
            }
        }
        return String.join(" ", words);
    }

    /** {@code command}, or every runnable command below it, as typed ("catalog rebuild"), from the annotations. */
    private static List<String> leafCommands(Class<?> command, String prefix) {
        Command spec = command.getAnnotation(Command.class);
        String name = (prefix + " " + spec.name()).trim();
        if (spec.subcommands().length == 0) {
            return List.of(name);
        }
        List<String> leaves = new ArrayList<>();
        for (Class<?> sub : spec.subcommands()) {
            leaves.addAll(leafCommands(sub, name));
        }
        return leaves;
    }
}
