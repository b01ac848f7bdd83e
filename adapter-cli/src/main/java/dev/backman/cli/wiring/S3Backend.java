package dev.backman.cli.wiring;

import dev.backman.cli.config.RepositoryLocation;
import dev.backman.cli.config.S3Options;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.filesystem.lock.LocalRepositoryLock;
import dev.backman.s3.S3ArchiveStorage;
import dev.backman.s3.S3Location;
import dev.backman.s3.S3ObjectLock;
import dev.backman.s3.S3Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Repositories and offsite copies in S3 ({@code s3://bucket/prefix}, AWS or any S3-compatible service). The catalog
 * defaults to {@code <data dir>/catalogs/<repository id>.db}, opened once the repository exists; the lock is this
 * machine's lock file in the data directory plus a lock record in the repository ({@link ObjectStoreLock}).
 * Credentials come from the AWS SDK's default chain. Only this class and what it calls load the AWS SDK.
 */
final class S3Backend implements RepositoryBackend {
    private final S3Options options;
    private final DataDirectory data;
    private final Clock clock;
    private S3Settings settings;

    S3Backend(S3Options options, DataDirectory data, Clock clock) {
        this.options = options;
        this.data = data;
        this.clock = clock;
    }

    @Override
    public ArchiveStorage openStorage(RepositoryLocation location) {
        return new S3ArchiveStorage(S3Location.parse(location.value()), settings());
    }

    @Override
    public RepositoryLock openLock(RepositoryLocation location, ArchiveStorage storage) {
        RepositoryLock machine = new LocalRepositoryLock(data.lockRootOf(location.value()));
        return new ObjectStoreLock(machine, new LockRecords(storage), clock);
    }

    @Override
    public List<String> breakLocks(ArchiveStorage storage) {
        return new LockRecords(storage).removeAll();
    }

    @Override
    public BackupCatalog openDefaultCatalog(RepositoryLocation location, RepositoryIdentity identity,
                                            Function<Path, BackupCatalog> opener) {
        return opener.apply(data.catalogOf(identity.id()));
    }

    private synchronized S3Settings settings() {
        if (settings == null) {
            settings = toSettings(options);
        }
        return settings;
    }

    static S3Settings toSettings(S3Options options) {
        S3Settings result = S3Settings.defaults()
                .withRegion(options.region())
                .withPathStyle(options.pathStyle())
                .withStorageClass(options.storageClass())
                .withPartSizeBytes(options.partSizeMb() * S3Settings.MIB)
                .withUploadThreads(options.uploadThreads())
                .withDownloadThreads(options.downloadThreads())
                .withMaxAttempts(options.maxAttempts());
        if (options.endpoint() != null) {
            try {
                result = result.withEndpoint(URI.create(options.endpoint()));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration("s3.endpoint", "'" + options.endpoint() + "' is not a URL: "
                        + e.getMessage());
            }
        }
        if (options.objectLockMode() != null) {
            result = result.withObjectLock(S3ObjectLock.of(options.objectLockMode(), options.objectLockDays()));
        }
        return result;
    }
}
