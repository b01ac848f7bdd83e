package dev.backman.application;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.BackupCatalog;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Saves a backup's file list to the catalog on a thread of its own, while the manifest is encoded and published on
 * the caller's: both walk every entry of the tree, and a backup that found nothing changed spends most of its time
 * on them. The catalog is not used by anything else until {@link #await()}.
 */
final class FileListWrite {
    private final BackupCatalog catalog;
    private final String backupId;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private FileListWrite(BackupCatalog catalog, String backupId) {
        this.catalog = catalog;
        this.backupId = backupId;
    }

    static FileListWrite start(BackupCatalog catalog, String backupId, List<FileEntry> files) {
        FileListWrite write = new FileListWrite(catalog, backupId);
        Thread thread = new Thread(() -> {
            try {
                catalog.saveFiles(backupId, files);
                write.done.complete(null);
            } catch (Throwable e) {
                write.done.completeExceptionally(e);
            }
        }, "backman-catalog");
        thread.setDaemon(true);
        thread.start();
        return write;
    }

    /** Waits for the list to be saved, throwing what saving it threw. */
    void await() {
        Completion.join(done);
    }

    /** After a failure elsewhere: waits for the write, then removes the list again; problems join {@code cause}. */
    void undo(RuntimeException cause) {
        try {
            done.exceptionally(e -> null).join();
            catalog.saveFiles(backupId, List.of());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
