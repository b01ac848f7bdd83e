package dev.backman.example;

import dev.backman.application.BackupManager;
import dev.backman.application.RestoreRequest;
import dev.backman.application.RestoreResult;
import dev.backman.domain.model.BackupMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What both example hosts do with their manager, and what they saw: one backup, the list of backups, its restore,
 * and whether the restored tree equals the source.
 *
 * @param backup    the backup made
 * @param listed    every backup of the repository, oldest first
 * @param restored  what the restore wrote
 * @param identical whether the restored tree has the same names and contents as the source
 */
public record HostRun(BackupMetadata backup, List<BackupMetadata> listed, RestoreResult restored,
                      boolean identical) {

    /**
     * Backs up the manager's configured sources, lists, restores the new backup into {@code target} and compares.
     *
     * @param manager the host's manager
     * @param source  the folder the manager backs up
     * @param target  where to restore
     * @return what happened
     */
    public static HostRun exercise(BackupManager manager, Path source, Path target) {
        BackupMetadata backup = manager.createBackup();
        List<BackupMetadata> listed = manager.listBackups();
        RestoreResult restored = manager.restore(RestoreRequest.of(backup.backupId(), target));
        Path copy = target.resolve(source.getFileName().toString());
        return new HostRun(backup, listed, restored, sameTree(source, copy));
    }

    /**
     * One line for people.
     *
     * @return the backup id, its size and whether the restore matched
     */
    public String summary() {
        return "backup " + backup.backupId() + ": " + backup.totalFiles() + " files, " + backup.totalSizeBytes()
                + " bytes; " + listed.size() + " backup(s) in the repository; restored "
                + restored.filesWritten() + " files, " + (identical ? "identical to the source" : "DIFFERENT");
    }

    private static boolean sameTree(Path a, Path b) {
        List<String> left = describe(a);
        return left.equals(describe(b));
    }

    /** Every entry below {@code root}: relative name, and a content hash for files. */
    private static List<String> describe(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted().map(path -> root.relativize(path) + (Files.isRegularFile(path)
                    ? " " + Arrays.hashCode(read(path)) : "/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
