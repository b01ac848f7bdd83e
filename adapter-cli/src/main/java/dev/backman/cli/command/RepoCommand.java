package dev.backman.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backman repo}: groups the repository's maintenance commands; alone it is a usage error. */
@Command(name = "repo", description = "Maintain the repository itself (its format).",
        subcommands = RepoUpgradeCommand.class)
final class RepoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: upgrade");
    }
}
