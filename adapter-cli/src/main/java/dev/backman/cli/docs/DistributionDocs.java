package dev.backman.cli.docs;

import dev.backman.cli.BackmanCli;
import dev.backman.cli.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Writes the files a distribution of backman ships beside its jars, all from the command model: the man page
 * {@code man/man1/backman.1} and the completion scripts {@code completion/backman.bash} and
 * {@code completion/_backman} (zsh). The build runs it.
 */
public final class DistributionDocs {
    private final CommandLine model;
    private final BuildInfo build;

    /**
     * @param model the {@code backman} command with its subcommands, as it parses command lines
     * @param build the version and build day for the man page
     */
    public DistributionDocs(CommandLine model, BuildInfo build) {
        this.model = model;
        this.build = build;
    }

    /**
     * Writes the files of this build's command model.
     *
     * @param args the directory to write into, and the project's version (for a build outside a git checkout,
     *             which records none)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DistributionDocs OUTPUT_DIRECTORY VERSION");
        }
        PrintWriter discard = new PrintWriter(new StringWriter());
        CommandLine model = new BackmanCli(discard, discard, Path.of("").toAbsolutePath()).model();
        new DistributionDocs(model, BuildInfo.current(args[1])).writeTo(Path.of(args[0]));
    }

    /**
     * Writes the three files below {@code directory}; a file whose content is already right is left untouched, so
     * that what is packaged from it is not rebuilt for nothing.
     *
     * @param directory where {@code man/} and {@code completion/} go (created when missing)
     * @throws IOException when a file cannot be written
     */
    public void writeTo(Path directory) throws IOException {
        CompletionScripts completion = new CompletionScripts(model);
        write(directory.resolve("man/man1/backman.1"), new ManPage(model, build).render());
        write(directory.resolve("completion/backman.bash"), completion.bash());
        write(directory.resolve("completion/_backman"), completion.zsh());
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
