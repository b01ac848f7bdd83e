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

/** The outside world as the use cases see it, bundled so that each use case takes one argument. */
record Ports(BackupConfig config, ArchiveStorage storage, BackupCatalog catalog, ArchiveCodec codec,
             SourceScanner scanner, Checksums checksums, RepositoryDocuments documents, RepositoryLock lock,
             RestoreWriter restoreWriter, Clock clock, ProgressListener listener, Duration lockWait) {
}
