package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import dev.backman.cli.CliStreams;
import dev.backman.cli.WorkingDirectory;
import java.time.Clock;

/** The command line's own bindings: where output goes, what relative paths are relative to, the clock. */
public final class CliModule extends AbstractModule {
    private final CliStreams streams;
    private final WorkingDirectory workingDirectory;
    private final Clock clock;

    public CliModule(CliStreams streams, WorkingDirectory workingDirectory, Clock clock) {
        this.streams = streams;
        this.workingDirectory = workingDirectory;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(CliStreams.class).toInstance(streams);
        bind(WorkingDirectory.class).toInstance(workingDirectory);
        bind(Clock.class).toInstance(clock);
    }
}
