package dev.backman.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.backman.cli.command.BackmanCommand;
import dev.backman.cli.command.Subcommand;
import dev.backman.cli.logging.LogLevels;
import dev.backman.cli.progress.ProgressDisplay;
import dev.backman.cli.progress.ProgressTerminal;
import dev.backman.cli.wiring.CliModule;
import dev.backman.cli.wiring.GuiceCommandFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs one {@code backman} command line in this process: wires the CLI's injector and picocli, executes, and returns
 * the exit code. Tests use it with captured writers and a working directory of their own.
 */
public final class BackmanCli {
    private final CliStreams streams;
    private final WorkingDirectory workingDirectory;
    private final Clock clock;
    private final ProgressTerminal terminal;

    /**
     * @param out              receives results (human text or JSON)
     * @param err              receives messages, warnings and errors
     * @param workingDirectory what relative paths on the command line are relative to
     */
    public BackmanCli(PrintWriter out, PrintWriter err, Path workingDirectory) {
        this(out, err, workingDirectory, Clock.systemDefaultZone());
    }

    /** As above, with the clock backups are timestamped by (tests make backups in the past with it). */
    public BackmanCli(PrintWriter out, PrintWriter err, Path workingDirectory, Clock clock) {
        this(out, err, workingDirectory, clock, ProgressTerminal.system());
    }

    /** As above, with {@code terminal} deciding whether progress bars are drawn (tests force them on or off). */
    public BackmanCli(PrintWriter out, PrintWriter err, Path workingDirectory, Clock clock,
                      ProgressTerminal terminal) {
        this.streams = new CliStreams(out, err);
        this.workingDirectory = new WorkingDirectory(workingDirectory);
        this.clock = clock;
        this.terminal = terminal;
    }

    /** Parses and runs {@code args}; never throws, returns the exit code (see {@link ExitCodes}). */
    public int execute(String... args) {
        Injector injector = injector();
        GlobalOptions globals = injector.getInstance(GlobalOptions.class);
        try {
            return commandLine(injector, globals, Subcommand.namedIn(args)).execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands the failures of commands to FailureReporter; this catches what escapes it
            streams.err().println("backman: internal error: " + e);
            if (globals.verbose()) {
                e.printStackTrace(streams.err());
            }
            return ExitCodes.FAILURE;
        } finally {
            streams.out().flush();
            streams.err().flush();
        }
    }

    /**
     * The command model picocli parses against, with every command built as for a run; nothing is executed and no
     * repository is opened. The man page and the shell completion are generated from it.
     *
     * @return the {@code backman} command with all its subcommands
     */
    public CommandLine model() {
        return modelFor(List.of(Subcommand.values()));
    }

    /** The model {@link #execute} parses {@code args} against: only the commands the arguments name. */
    CommandLine modelFor(String... args) {
        return modelFor(Subcommand.namedIn(args));
    }

    private CommandLine modelFor(List<Subcommand> commands) {
        Injector injector = injector();
        return commandLine(injector, injector.getInstance(GlobalOptions.class), commands);
    }

    private Injector injector() {
        return Guice.createInjector(Stage.DEVELOPMENT, new CliModule(streams, workingDirectory, clock, terminal));
    }

    private CommandLine commandLine(Injector injector, GlobalOptions globals, List<Subcommand> commands) {
        CommandLine commandLine = new CommandLine(BackmanCommand.class, new GuiceCommandFactory(injector));
        for (Subcommand command : commands) {
            commandLine.addSubcommand(command.type());
        }
        // after the commands are added: picocli hands these settings down only to the commands it already has
        return commandLine.setOut(streams.out())
                .setErr(streams.err())
                // `-r repo`: a repository directory may share its name with a subcommand
                .setAllowSubcommandsAsOptionParameters(true)
                .setParameterExceptionHandler(new UsageErrorReporter())
                .setExecutionExceptionHandler(new FailureReporter(globals))
                .setExecutionStrategy(parsed -> {
                    globals.validate(parsed.commandSpec().commandLine());
                    LogLevels.apply(globals);
                    try {
                        return new CommandLine.RunLast().execute(parsed);
                    } finally {
                        injector.getInstance(ProgressDisplay.class).clear(); // an error message needs a clean line
                    }
                });
    }
}
