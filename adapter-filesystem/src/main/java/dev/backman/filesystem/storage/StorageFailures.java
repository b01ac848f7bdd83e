package dev.backman.filesystem.storage;

import dev.backman.domain.error.StorageFailure;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Turns the JDK's I/O exceptions into {@link StorageFailure}s whose message says what went wrong and what to do. */
public final class StorageFailures {
    private final String location;

    /**
     * Failures of the storage at {@code location}.
     *
     * @param location the storage's location, named in every message
     */
    public StorageFailures(String location) {
        this.location = location;
    }

    /**
     * A failure of {@code action} (e.g. "cannot write archives/b1.zip"); local disk errors are not retryable.
     *
     * @param action what was being done
     * @param e      what the JDK threw
     * @return the failure to throw
     */
    public StorageFailure of(String action, IOException e) {
        return new StorageFailure(location, action + ": " + describe(e), false, e);
    }

    /**
     * What went wrong, naming the file, with a hint when the cure is known (free space, permissions).
     *
     * @param e what the JDK threw
     * @return a message for people
     */
    public static String describe(IOException e) {
        String problem;
        if (e instanceof AccessDeniedException denied) {
            problem = "permission denied on " + denied.getFile();
        } else if (e instanceof NoSuchFileException missing) {
            problem = missing.getFile() + " does not exist";
        } else if (e instanceof NotDirectoryException notDirectory) {
            problem = notDirectory.getFile() + " is not a directory";
        } else if (e instanceof FileAlreadyExistsException exists) {
            problem = exists.getFile() + " already exists and is not a directory";
        } else if (e instanceof DirectoryNotEmptyException notEmpty) {
            problem = notEmpty.getFile() + " is a directory that is not empty";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            problem = (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
        } else {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return problem + hint(problem);
    }

    private static String hint(String problem) {
        String lower = problem.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("quota exceeded")) {
            return " (free some space or choose another backup_location)";
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")) {
            return " (check the owner and permissions of the backup location)";
        }
        if (lower.contains("read-only file system")) {
            return " (the backup location is mounted read-only)";
        }
        return "";
    }
}
