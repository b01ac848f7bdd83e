package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import dev.backman.cli.CliStreams;
import dev.backman.cli.WorkingDirectory;
import dev.backman.cli.progress.ProgressTerminal;
import java.time.Clock;

/**
 * The command line's own bindings: where output goes, what relative paths are relative to, the clock, and whether
 * progress bars may be drawn (the terminal).
 */
public final class CliModule extends AbstractModule {
    private final CliStreams streams;
    private final WorkingDirectory workingDirectory;
    private final Clock clock;
    private final ProgressTerminal terminal;

    public CliModule(CliStreams streams, WorkingDirectory workingDirectory, Clock clock) {
        this(streams, workingDirectory, clock, ProgressTerminal.system());
    }

    public CliModule(CliStreams streams, WorkingDirectory workingDirectory, Clock clock, ProgressTerminal terminal) {
        this.streams = streams;
        this.workingDirectory = workingDirectory;
        this.clock = clock;
        this.terminal = terminal;
    }

    @Override
    protected void configure() {
        bind(CliStreams.class).toInstance(streams);
        bind(WorkingDirectory.class).toInstance(workingDirectory);
        bind(Clock.class).toInstance(clock);
        bind(ProgressTerminal.class).toInstance(terminal);
    }
}
