package dev.backman.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.backman.application.BackupManager;
import dev.backman.cli.CliStreams;
import dev.backman.cli.config.EncryptionOptions;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.progress.ProgressDisplay;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.RepositoryLock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link BackupManager} of one command run from its resolved settings, through the Guice modules. */
public final class ManagerOpener {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerOpener.class);
    private final CliStreams streams;
    private final Clock clock;
    private final ProgressDisplay display;

    @Inject
    public ManagerOpener(CliStreams streams, Clock clock, ProgressDisplay display) {
        this.streams = streams;
        this.clock = clock;
        this.display = display;
    }

    /** A manager for the repository, which is created on first use by commands that write. */
    public BackupManager open(RunSettings settings) {
        Injector injector = injector(settings, new CatalogModule());
        // Resolve the backend first: an unsupported scheme must fail before the catalog file is created.
        provision(injector, RepositoryBackend.class);
        return provision(injector, BackupManager.class);
    }

    /**
     * As {@link #open}, and an encrypted repository's passphrase is checked now rather than at the first write: for
     * commands that run long before they first write ({@code schedule}).
     */
    public BackupManager openChecked(RunSettings settings) {
        Injector injector = injector(settings, new CatalogModule());
        provision(injector, RepositoryBackend.class);
        BackupManager manager = provision(injector, BackupManager.class);
        try {
            unlocked(injector);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    /** A manager for a repository that must exist already (commands that only read it never create one). */
    public BackupManager openExisting(RunSettings settings) {
        Injector injector = injector(settings, new CatalogModule());
        requireRepository(injector, settings);
        return provision(injector, BackupManager.class);
    }

    /**
     * A manager for {@code catalog rebuild} of a repository that must exist: its catalog is a new, empty one in
     * place of the old file (which is kept aside), because the old one may be unreadable or of a newer schema.
     */
    public BackupManager openForRebuild(RunSettings settings) {
        Injector injector = injector(settings, CatalogModule.recreating());
        requireRepository(injector, settings);
        return provision(injector, BackupManager.class);
    }

    /** A manager for a dry run, which must not create the repository (nor its catalog) when it does not exist. */
    public BackupManager openForDryRun(RunSettings settings) {
        Injector injector = injector(settings, new CatalogModule());
        if (exists(injector)) {
            unlocked(injector);
            return provision(injector, BackupManager.class);
        }
        Module emptyCatalog = binder -> binder.bind(BackupCatalog.class).toInstance(new NoBackupsCatalog());
        return provision(injector(settings, emptyCatalog), BackupManager.class);
    }

    /**
     * Removes the lock records left in the repository by writers that are gone ({@code unlock --force}); returns who
     * they named. Only for a repository that exists.
     */
    public List<String> breakLocks(RunSettings settings) {
        Injector injector = injector(settings, new CatalogModule());
        requireRepository(injector, settings);
        try (ArchiveStorage storage = provision(injector, ArchiveStorage.class)) {
            return provision(injector, RepositoryBackend.class).breakLocks(storage);
        }
    }

    /**
     * Wraps the data key of the existing encrypted repository under the passphrase from {@code newSource}, after
     * unlocking it with the current one; returns the locations updated (the repository, then offsite copies).
     */
    public List<String> changePassphrase(RunSettings settings, EncryptionOptions newSource) {
        Injector injector = injector(settings, new CatalogModule());
        requireRepository(injector, settings);
        List<ArchiveStorage> offsite = injector.getInstance(
                Key.get(new TypeLiteral<List<ArchiveStorage>>() { }, Names.named(StorageModule.OFFSITE)));
        try (ArchiveStorage storage = provision(injector, ArchiveStorage.class)) {
            PassphraseChange change = new PassphraseChange(settings, provision(injector, RepositoryKeyring.class),
                    new Passphrases(System.getenv(), System.console()), provision(injector, ProgressListener.class));
            return change.run(storage, provision(injector, RepositoryLock.class), offsite, newSource);
        } finally {
            offsite.forEach(ArchiveStorage::close);
        }
    }

    private static boolean exists(Injector injector) {
        provision(injector, ArchiveStorage.class); // opening it reads backman.repo.json
        return provision(injector, RepositoryKeyring.class).descriptorAtOpen().isPresent();
    }

    private static void requireRepository(Injector injector, RunSettings settings) {
        if (!exists(injector)) {
            throw new StorageFailure(settings.location().value(),
                    "no backman repository here (create one with `backman init` or `backman backup`)", false, null);
        }
        unlocked(injector);
    }

    /** Only a backup lets the key derivation of an encrypted repository run on; everything else waits for it now. */
    private static void unlocked(Injector injector) {
        provision(injector, RepositoryKeyring.class).awaitKey();
    }

    private Injector injector(RunSettings settings, Module catalog) {
        LOG.debug("repository {} (scheme {}), lock wait {}", settings.location(), settings.location().scheme(),
                settings.lockWait());
        return Guice.createInjector(Stage.DEVELOPMENT,
                new RunModule(settings, streams, clock, display), new StorageModule(), catalog, new CoreModule());
    }

    private static <T> T provision(Injector injector, Class<T> type) {
        try {
            return injector.getInstance(type);
        } catch (ProvisionException e) {
            // Guice wraps what providers throw; the CLI maps the original failure to its exit code.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot set up " + type.getSimpleName() + ": " + cause, cause);
        }
    }
}
