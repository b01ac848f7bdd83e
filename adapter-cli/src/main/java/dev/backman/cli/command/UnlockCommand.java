package dev.backman.cli.command;

import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.UnlockJson;
import dev.backman.cli.wiring.ManagerOpener;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backman unlock --force}: removes the lock records that writers which are gone left in the repository, and
 * says whose they were. A local repository's lock is the OS's, released when its process ends: only the records of
 * dead writers are left to remove, and the lock of a live process on the machine cannot be broken (exit 1, naming
 * it).
 */
@Command(name = "unlock",
        description = {"Remove the lock records left in the repository by writers that are gone.",
                "Make sure no backman works on the repository from any machine: a live writer loses its lock."})
final class UnlockCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;

    @Option(names = "--force", description = "Required: confirms that no other writer is running.")
    boolean force;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Inject
    UnlockCommand(RunSettingsResolver settings, ManagerOpener opener, Output output) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
    }

    @Override
    public Integer call() {
        if (!force) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unlock needs --force: make sure no backman works on the repository first");
        }
        List<String> removed = opener.breakLocks(settings.resolve(UnaryOperator.identity()));
        if (output.json()) {
            output.printJson(new UnlockJson(removed));
        } else if (removed.isEmpty()) {
            output.out().println("no lock records to remove: no writer holds the repository");
        } else {
            removed.forEach(holder -> output.out().println("removed the lock of " + holder));
        }
        output.out().flush();
        return ExitCodes.OK;
    }
}
