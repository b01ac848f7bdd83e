package dev.backman.filesystem.lock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a repository's {@code locks/} directory: {@code repository.lock}, which the OS locks; holder records
 * {@code <host>-<pid>.json}, present only while their writer holds the OS lock; and one guard per JVM,
 * {@code <host>-<pid>-<start>.jvm}, that keeps the JVM's threads and instances off the lock file while one of
 * them holds it.
 */
final class LockDirectory {
    static final String LOCK_FILE = "repository.lock";
    private static final String RECORD_SUFFIX = ".json";
    private static final String GUARD_SUFFIX = ".jvm";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Logger LOG = LoggerFactory.getLogger(LockDirectory.class);

    private final Path dir;
    private final ProcessIdentity self;
    private final ObjectMapper json = JsonMapper.builder().build();

    LockDirectory(Path dir, ProcessIdentity self) {
        this.dir = dir;
        this.self = self;
    }

    Path lockFile() {
        return dir.resolve(LOCK_FILE);
    }

    void create() throws IOException {
        Files.createDirectories(dir);
    }

    /** Claims this JVM's guard; false when another thread or instance of this JVM has it. */
    boolean claimGuard() throws IOException {
        try {
            Files.createFile(guard());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    void releaseGuard() {
        deleteQuietly(guard());
    }

    void writeRecord(LockHolder holder) throws IOException {
        Path record = record();
        Path temp = record.resolveSibling(record.getFileName() + TEMP_SUFFIX);
        Files.write(temp, json.writeValueAsBytes(holder));
        Files.move(temp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void deleteRecord() {
        deleteQuietly(record());
    }

    /**
     * Removes what dead writers left: any other holder record (we hold the OS lock, so their writers are gone), a
     * record half-written when its writer died, and guards of processes on this host that no longer run. Call only
     * while holding the OS lock. Returns who the removed records named.
     */
    List<String> removeStale() throws IOException {
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + RECORD_SUFFIX)) {
            for (Path record : files) {
                if (!record.equals(record())) {
                    removed.add(describe(record));
                    LOG.debug("removing stale lock record {}", record);
                    deleteQuietly(record);
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + RECORD_SUFFIX + TEMP_SUFFIX)) {
            for (Path partial : files) {
                LOG.debug("removing a lock record that was being written {}", partial);
                deleteQuietly(partial);
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + GUARD_SUFFIX)) {
            for (Path guard : files) {
                if (isDeadLocalGuard(guard.getFileName().toString())) {
                    LOG.debug("removing guard of a dead process {}", guard);
                    deleteQuietly(guard);
                }
            }
        }
        return removed;
    }

    private String describe(Path record) {
        try {
            return json.readValue(record.toFile(), LockHolder.class).describe();
        } catch (IOException | RuntimeException e) {
            return "an unreadable lock record " + record.getFileName();
        }
    }

    /** The newest readable holder record, skipping those of processes on this host that are gone. */
    Optional<LockHolder> currentHolder() {
        LockHolder newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + RECORD_SUFFIX)) {
            for (Path record : files) {
                try {
                    LockHolder holder = json.readValue(record.toFile(), LockHolder.class);
                    FileTime time = Files.getLastModifiedTime(record);
                    boolean dead = holder.host().equals(self.host()) && !ProcessIdentity.pidIsAlive(holder.pid());
                    if (!dead && (newestTime == null || time.compareTo(newestTime) > 0)) {
                        newest = holder;
                        newestTime = time;
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("unreadable lock record {}", record, e); // being written, or damaged
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}", dir, e);
        }
        return Optional.ofNullable(newest);
    }

    private boolean isDeadLocalGuard(String name) {
        String stem = name.substring(0, name.length() - GUARD_SUFFIX.length());
        int startDash = stem.lastIndexOf('-');
        int pidDash = startDash < 0 ? -1 : stem.lastIndexOf('-', startDash - 1);
        if (pidDash < 0 || !stem.substring(0, pidDash).equals(fileSafe(self.host()))) {
            return false;
        }
        try {
            // only the pid decides: start times computed by two JVMs may differ if the clock was stepped, and
            // deleting a live JVM's guard would let its instances drop each other's lock
            return !ProcessIdentity.pidIsAlive(Long.parseLong(stem.substring(pidDash + 1, startDash)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Path guard() {
        return dir.resolve(fileSafe(self.host()) + "-" + self.pid() + "-" + self.startMillis() + GUARD_SUFFIX);
    }

    private Path record() {
        return dir.resolve(fileSafe(self.host()) + "-" + self.pid() + RECORD_SUFFIX);
    }

    private static String fileSafe(String host) {
        return host.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", file, e);
        }
    }
}
