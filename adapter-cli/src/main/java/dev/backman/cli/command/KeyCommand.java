package dev.backman.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backman key}: groups the commands on an encrypted repository's key; alone it is a usage error. */
@Command(name = "key", description = "Manage the key of an encrypted repository.",
        subcommands = ChangePassphraseCommand.class)
final class KeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: change-passphrase");
    }
}
