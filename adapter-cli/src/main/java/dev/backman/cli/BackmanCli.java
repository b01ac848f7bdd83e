package dev.backman.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.backman.cli.command.BackmanCommand;
import dev.backman.cli.logging.LogLevels;
import dev.backman.cli.wiring.CliModule;
import dev.backman.cli.wiring.GuiceCommandFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Runs one {@code backman} command line in this process: wires the CLI's injector and picocli, executes, and returns
 * the exit code. Tests use it with captured writers and a working directory of their own.
 */
public final class BackmanCli {
    private final CliStreams streams;
    private final WorkingDirectory workingDirectory;
    private final Clock clock;

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
        this.streams = new CliStreams(out, err);
        this.workingDirectory = new WorkingDirectory(workingDirectory);
        this.clock = clock;
    }

    /** Parses and runs {@code args}; never throws, returns the exit code (see {@link ExitCodes}). */
    public int execute(String... args) {
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, new CliModule(streams, workingDirectory, clock));
        GlobalOptions globals = injector.getInstance(GlobalOptions.class);
        try {
            return commandLine(injector, globals).execute(args);
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

    private CommandLine commandLine(Injector injector, GlobalOptions globals) {
        return new CommandLine(BackmanCommand.class, new GuiceCommandFactory(injector))
                .setOut(streams.out())
                .setErr(streams.err())
                .setParameterExceptionHandler(new UsageErrorReporter())
                .setExecutionExceptionHandler(new FailureReporter(globals))
                .setExecutionStrategy(parsed -> {
                    globals.validate(parsed.commandSpec().commandLine());
                    LogLevels.apply(globals);
                    return new CommandLine.RunLast().execute(parsed);
                });
    }
}
