package dev.backman.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backman catalog}: groups the catalog's maintenance commands; alone it is a usage error. */
@Command(name = "catalog", description = "Maintain the SQLite catalog (an index of the repository's manifests).",
        subcommands = CatalogRebuildCommand.class)
final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: rebuild");
    }
}
