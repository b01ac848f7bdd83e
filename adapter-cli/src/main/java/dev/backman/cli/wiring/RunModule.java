package dev.backman.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import dev.backman.cli.CliStreams;
import dev.backman.cli.config.RepositoryLocation;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.output.StderrProgressListener;
import dev.backman.cli.progress.ProgressDisplay;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ProgressListener;
import java.time.Clock;
import java.time.Duration;

/** The inputs of one command run for {@link StorageModule}, {@link CatalogModule} and {@link CoreModule}. */
final class RunModule extends AbstractModule {
    private final RunSettings settings;
    private final CliStreams streams;
    private final Clock clock;
    private final ProgressDisplay display;

    RunModule(RunSettings settings, CliStreams streams, Clock clock, ProgressDisplay display) {
        this.settings = settings;
        this.streams = streams;
        this.clock = clock;
        this.display = display;
    }

    @Override
    protected void configure() {
        bind(RunSettings.class).toInstance(settings);
        bind(BackupConfig.class).toInstance(settings.config());
        bind(RepositoryLocation.class).toInstance(settings.location());
        bind(Duration.class).annotatedWith(Names.named(CoreModule.LOCK_WAIT)).toInstance(settings.lockWait());
        bind(Clock.class).toInstance(clock);
        bind(ProgressListener.class).toInstance(new StderrProgressListener(display, settings.quiet()));
    }
}
