package dev.backman.example;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.backman.application.BackupManager;
import dev.backman.cli.wiring.BackmanModule;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ProgressListener;
import java.nio.file.Path;
import java.util.List;

/**
 * A host that gets its {@link BackupManager} from backman's Guice modules ({@link BackmanModule}), assembled the way
 * the {@code backman} command assembles it, then does what {@link PlainJavaHost} does. Run it with
 * {@code SOURCE WORKDIR}.
 */
public final class GuiceHost {
    private GuiceHost() {
    }

    /**
     * Backs up {@code args[0]} into {@code args[1]/repository} and restores it into {@code args[1]/restored},
     * printing progress.
     *
     * @param args the folder to back up and a working directory
     */
    public static void main(String[] args) {
        Path work = Path.of(args[1]);
        HostRun run = run(Path.of(args[0]), work.resolve("repository"), work.resolve("restored"),
                new PrintingListener(System.out));
        System.out.println(run.summary());
    }

    /**
     * Backs up {@code source}, lists, restores into {@code target} and compares.
     *
     * @param source     the folder to back up
     * @param repository the repository: a directory (created on first use) or {@code s3://bucket/prefix}
     * @param target     where the backup is restored ({@code target/<folder name>})
     * @param listener   receives progress and warnings
     * @return what the host saw
     */
    public static HostRun run(Path source, Path repository, Path target, ProgressListener listener) {
        BackupConfig config = BackupConfig.defaults()
                .withSourcePaths(List.of(source))
                .withBackupLocation(repository.toString())
                .withCompressionType(CompressionType.ZIP);
        Injector injector = Guice.createInjector(new BackmanModule(config, listener));
        try (BackupManager manager = injector.getInstance(BackupManager.class)) {
            return HostRun.exercise(manager, source, target);
        }
    }
}
