package dev.backman.cli.command;

import dev.backman.cli.BackmanVersion;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.GlobalOptions;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code backman}: the global options and the commands. Help, version and the exit codes are inherited by every
 * command; without a command it is a usage error. The commands are registered by the caller (see {@link Subcommand});
 * {@code generate-completion} is picocli's: it prints the bash/zsh completion script.
 */
@Command(name = "backman", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = BackmanVersion.class,
        description = "Backs up project files into standard archives, verifies them and restores them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK + ":ok", ExitCodes.FAILURE + ":failed",
                ExitCodes.USAGE + ":usage or configuration error", ExitCodes.INTEGRITY + ":integrity problem",
                ExitCodes.UNREADABLE_FILES + ":backup completed, but some files could not be read"})
public final class BackmanCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    @Inject
    BackmanCommand(GlobalOptions globals) {
        this.globals = globals;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
