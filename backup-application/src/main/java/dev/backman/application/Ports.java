package dev.backman.application;

import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.BackupCatalog;
import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.RepositoryDocuments;
import dev.backman.domain.port.RepositoryLock;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.SourceScanner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The outside world as the use cases see it, bundled so that each use case takes one argument. {@code offsite}
 * are the replicas' storages (3-2-1), in configuration order; empty when there are none.
 */
record Ports(BackupConfig config, ArchiveStorage storage, BackupCatalog catalog, ArchiveCodec codec,
             SourceScanner scanner, Checksums checksums, RepositoryDocuments documents, RepositoryLock lock,
             RestoreWriter restoreWriter, Clock clock, ProgressListener listener, Duration lockWait,
             List<ArchiveStorage> offsite) {

    Ports {
        offsite = List.copyOf(offsite);
    }

    /** The same ports reading and writing {@code other} as the repository (a replica standing in for it). */
    Ports withStorage(ArchiveStorage other) {
        return new Ports(config, other, catalog, codec, scanner, checksums, documents, lock, restoreWriter, clock,
                listener, lockWait, offsite);
    }
}
