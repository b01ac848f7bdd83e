package dev.backman.application;

import dev.backman.domain.error.BackupNotFound;
import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.Manifest;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.RestoreWriter;
import dev.backman.domain.port.RestoreWriter.Existing;
import dev.backman.domain.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes one planned restore: contents to verified files (at their destination where nothing is there, else beside
 * it), then everything is published; a restore that fails discards every file it has not published. The archive is
 * read on the caller's thread; small files are handed with their bytes to writer threads, large ones stream to a
 * thread of their own.
 */
final class RestoreExecution {
    private static final int WRITER_THREADS = 2;
    private static final long IN_FLIGHT_BYTES = 4L << 20;
    private static final long SMALL_FILE = 1L << 20;
    private static final int STREAMED_CHUNK = 256 * 1024;
    private final Ports ports;
    private final Repository repository;
    private final Manifest manifest;
    private final Map<RestorePlan.Destination, Existing> states;
    private final RestoreWriter writer;
    private final Map<RestorePlan.Destination, Path> staged = new ConcurrentHashMap<>();
    private final Map<RestorePlan.Destination, Path> setAside = new LinkedHashMap<>();
    private final ParallelWrites writes = new ParallelWrites(WRITER_THREADS, IN_FLIGHT_BYTES);
    private final boolean partial;
    private final List<RestoreFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private ProgressMeter meter;

    /** With {@code partial}, files that cannot be restored are reported and the intact ones restored. */
    RestoreExecution(Ports ports, Repository repository, Manifest manifest,
                     Map<RestorePlan.Destination, Existing> states, boolean partial) {
        this.ports = ports;
        this.partial = partial;
        this.repository = repository;
        this.manifest = manifest;
        this.states = states;
        this.writer = ports.restoreWriter().forOneRestore();
    }

    /** Restores; returns the files a partial restore could not bring back (always empty otherwise). */
    List<RestoreFailure> run() {
        boolean published = false;
        try (writes) {
            setAsideWhatIsInTheWay();
            fetchContents();
            writes.awaitAll();
            meter.finish();
            publish();
            published = true;
            return List.copyOf(failures);
        } catch (IOException e) {
            throw new StorageFailure("restore target", e.getMessage(), false, e);
        } finally {
            staged.values().forEach(writer::discard); // after close: no writer thread makes more
            settleSetAside(published);
        }
    }

    /**
     * A file or symlink where the backup has a directory (the restore overwrites: it was listed as a conflict
     * otherwise) moves aside, so that the directory and what it holds can be made, until the restore has published.
     */
    private void setAsideWhatIsInTheWay() throws IOException {
        for (Map.Entry<RestorePlan.Destination, Existing> e : states.entrySet()) {
            RestorePlan.Destination d = e.getKey();
            if (d.entry().type() == EntryType.DIR && e.getValue() == Existing.DIFFERENT) {
                Path aside = writer.setAside(d.base(), d.relative());
                if (aside != null) {
                    setAside.put(d, aside);
                }
            }
        }
    }

    /**
     * Removes what was set aside once the restore has published; else puts it back. One that cannot go back (the
     * failure came while publishing, and restored files are in the way) stays beside, under its hidden name.
     */
    private void settleSetAside(boolean published) {
        for (Map.Entry<RestorePlan.Destination, Path> e : setAside.entrySet()) {
            if (published) {
                writer.discard(e.getValue());
                continue;
            }
            try {
                writer.putBack(e.getValue(), e.getKey().base(), e.getKey().relative());
            } catch (IOException | RuntimeException stays) {
                // the failure being thrown is the one to report; what was set aside is kept
            }
        }
    }

    /** Streams each archive that holds needed contents once; files land verified, not yet published. */
    private void fetchContents() throws IOException {
        Map<String, Map<String, List<RestorePlan.Destination>>> byArchive = new LinkedHashMap<>();
        long filesTotal = 0;
        long bytesTotal = 0;
        for (Map.Entry<RestorePlan.Destination, Existing> e : states.entrySet()) {
            FileEntry entry = e.getKey().entry();
            if (entry.isFile() && e.getValue() != Existing.SAME) {
                byArchive.computeIfAbsent(entry.storedIn(), k -> new HashMap<>())
                        .computeIfAbsent(entry.sha256(), k -> new ArrayList<>(1)).add(e.getKey());
                filesTotal++;
                bytesTotal += entry.size();
            }
        }
        meter = ProgressMeter.start(ports.listener(), Progress.Phase.RESTORING, filesTotal, bytesTotal);
        for (Map.Entry<String, Map<String, List<RestorePlan.Destination>>> archive : byArchive.entrySet()) {
            WantedMembers<RestorePlan.Destination> members;
            try {
                members = members(archive.getKey(), archive.getValue());
            } catch (IntegrityViolation e) {
                failAll(archive.getValue(), e);
                continue;
            }
            fetchFrom(members, archive.getValue());
        }
    }

    /** Where backup {@code holderId}'s archive holds {@code wanted}; a missing holder damages this backup. */
    private WantedMembers<RestorePlan.Destination> members(String holderId,
                                                         Map<String, List<RestorePlan.Destination>> wanted) {
        String id = manifest.backup().backupId();
        if (holderId.equals(id)) {
            return WantedMembers.of(manifest, wanted);
        }
        try {
            return WantedMembers.read(repository, holderId, wanted);
        } catch (BackupNotFound e) {
            FileEntry first = wanted.values().iterator().next().get(0).entry();
            throw new IntegrityViolation(id, first.path(), "its contents are stored in backup " + holderId
                    + ", whose manifest " + RepositoryLayout.manifestKey(holderId) + " is missing from the repository");
        }
    }

    private void fetchFrom(WantedMembers<RestorePlan.Destination> members,
                           Map<String, List<RestorePlan.Destination>> wanted) throws IOException {
        String id = members.backup().backupId();
        Map<String, List<RestorePlan.Destination>> missing = new HashMap<>(wanted);
        try {
            readFrom(members, missing);
        } catch (IntegrityViolation e) { // the archive is missing or cannot be read on from here
            failAll(missing, e);
            return;
        }
        if (!missing.isEmpty()) {
            FileEntry first = missing.values().iterator().next().get(0).entry();
            failAll(missing, new IntegrityViolation(id, first.path(), "its contents are missing from the archive"));
        }
    }

    private void readFrom(WantedMembers<RestorePlan.Destination> members,
                          Map<String, List<RestorePlan.Destination>> missing) throws IOException {
        String id = members.backup().backupId();
        StoredObject archive = new ReadAheadObject(repository.archive(members.backup())); // fetch while writing
        ArchiveReader opened;
        try {
            opened = ports.codec().newReader(members.backup().compressionType(), archive);
        } catch (IOException e) { // e.g. a zip whose central directory is damaged, or fails authentication
            throw new IntegrityViolation(id, null, "archive cannot be read: " + e.getMessage());
        }
        try (ArchiveReader reader = opened) {
            for (Optional<ArchiveItem> next = next(reader, id); next.isPresent() && !missing.isEmpty();
                 next = next(reader, id)) {
                ArchiveItem item = next.get();
                List<RestorePlan.Destination> targets = item.kind() == ArchiveItem.Kind.FILE
                        ? members.byName().get(item.name()) : null;
                // a content is written once, from the first member that holds it
                if (targets != null && missing.remove(targets.get(0).entry().sha256()) != null) {
                    materialize(id, item.name(), new ArchiveContent(item.content()), targets);
                }
            }
        }
    }

    /** Throws {@code damage}, or in a partial restore records it for every destination of {@code wanted}. */
    private void failAll(Map<String, List<RestorePlan.Destination>> wanted, IntegrityViolation damage) {
        if (!partial) {
            throw damage;
        }
        wanted.values().forEach(targets -> fail(targets, damage));
    }

    private void fail(List<RestorePlan.Destination> targets, IntegrityViolation damage) {
        for (RestorePlan.Destination target : targets) {
            failures.add(new RestoreFailure(target.entry().path(), damage.getMessage()));
        }
    }

    /** Writes the content of archive member {@code member} (of backup {@code archiveId}) to its destinations. */
    private void materialize(String archiveId, String member, InputStream content,
                             List<RestorePlan.Destination> targets) throws IOException {
        FileEntry wanted = targets.get(0).entry(); // same SHA-256, so same size, as the member's own entry
        if (wanted.size() <= SMALL_FILE) {
            // one byte more than recorded, if the archive has it: the writer then tells that the entry inflates
            byte[] bytes = new byte[(int) Math.max(0, wanted.size() + 1)];
            int length;
            try {
                length = readInto(archiveId, member, content, bytes);
            } catch (IntegrityViolation e) {
                failAll(Map.of(wanted.sha256(), targets), e);
                return;
            }
            // the budget counts what is held (the array), not what was read: a damaged entry may be shorter
            writes.submit(bytes.length, targets.get(0).directory(),
                    () -> write(archiveId, member, new ByteArrayInputStream(bytes, 0, length), targets));
            meter.filesDone(targets.size(), (long) targets.size() * wanted.size());
        } else {
            // large: decompressed here, hashed and written on the streaming thread while this one reads on
            HandoffStream bytes = new HandoffStream();
            writes.stream(bytes, () -> {
                LongAdder streamed = new LongAdder();
                write(archiveId, member, new ArchiveContent(CountedObject.counted(bytes, n -> {
                    streamed.add(n);
                    meter.accept(n);
                })), targets);
                meter.filesDone(targets.size(), Math.max(0, (long) targets.size() * wanted.size() - streamed.sum()));
            });
            // one byte more than recorded, if the archive has it: the writer then tells that the entry inflates
            handOver(content, bytes, wanted.size() + 1);
        }
    }

    /**
     * Hands at most {@code limit} bytes of {@code content} over to the thread writing them; a failure to read the
     * archive reaches that thread as the end of the entry's bytes, so that it is reported for this file.
     */
    private static void handOver(InputStream content, HandoffStream bytes, long limit) throws InterruptedIOException {
        byte[] buffer = new byte[STREAMED_CHUNK];
        for (long total = 0; total < limit; ) {
            int n;
            try {
                n = content.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            } catch (IOException e) {
                bytes.fail(e);
                return;
            }
            if (n < 0) {
                break;
            }
            buffer = bytes.handOver(buffer, n);
            total += n;
        }
        bytes.end();
    }

    private void write(String archiveId, String member, InputStream content, List<RestorePlan.Destination> targets)
            throws IOException {
        RestorePlan.Destination first = targets.get(0);
        Path verified;
        try {
            verified = writer.stageFile(first.base(), first.relative(), first.entry(), content, archiveId);
        } catch (ArchiveContent.Unreadable e) {
            failAll(Map.of(first.entry().sha256(), targets), new IntegrityViolation(archiveId, member,
                    "archive cannot be read: " + e.getMessage()));
            return;
        } catch (IntegrityViolation e) {
            failAll(Map.of(first.entry().sha256(), targets), e);
            return;
        }
        staged.put(first, verified);
        for (RestorePlan.Destination other : targets.subList(1, targets.size())) {
            staged.put(other, writer.stageCopy(verified, other.base(), other.relative(), other.entry()));
        }
    }

    /**
     * Fills {@code bytes} as far as the entry goes; returns how many it holds. Sized from the manifest up front:
     * {@code readNBytes(int)} would gather 8 KiB pieces and copy them into a new array, twice the garbage.
     */
    private static int readInto(String archiveId, String member, InputStream content, byte[] bytes) {
        try {
            return content.readNBytes(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new IntegrityViolation(archiveId, member, "archive cannot be read: " + e.getMessage());
        }
    }

    private Optional<ArchiveItem> next(ArchiveReader reader, String id) throws IOException {
        try {
            return reader.next();
        } catch (IOException e) {
            writes.awaitAll(); // an earlier entry's failure, found by a writer thread, names the file: it comes first
            throw new IntegrityViolation(id, null, "archive cannot be read: " + e.getMessage());
        }
    }

    /**
     * Directories, then symlinks and files, then directory modes and mtimes deepest first, all on the writer threads.
     * Directories go one depth at a time: a parent is made before its children (one of them may have to replace a
     * file in the way), and finished after everything below it (its mode may take away what reaching them needs).
     * Done on the caller's thread alone, a tree of 18,000 directories kept one core idle for a second. A directory's
     * tasks go to the lane of the directory itself, where its files were published: siblings may go to different
     * threads (they rarely create anything by then: a directory is mostly made as its first file's parent).
     */
    private void publish() throws IOException {
        List<List<RestorePlan.Destination>> byDepth = directoriesByDepth();
        for (List<RestorePlan.Destination> level : byDepth) {
            for (RestorePlan.Destination d : level) {
                writes.submit(0, d.relative(), () -> writer.createDirectory(d.base(), d.relative()));
            }
            writes.awaitAll();
        }
        for (Map.Entry<RestorePlan.Destination, Existing> e : states.entrySet()) {
            RestorePlan.Destination d = e.getKey();
            if (e.getValue() == Existing.SAME) {
                if (d.entry().isFile()) { // its content stays; its mode and mtime become the backup's
                    writes.submit(0, d.directory(), () -> writer.stampExisting(d.base(), d.relative(), d.entry()));
                }
                continue;
            }
            if (d.entry().type() == EntryType.SYMLINK) {
                writes.submit(0, d.directory(), () -> writer.createSymlink(d.base(), d.relative(), d.entry()));
            } else if (d.entry().isFile()) {
                Path file = staged.get(d);
                if (file != null) { // none for a file a partial restore could not bring back
                    // mode, mtime and (for a file written beside its destination) rename; a file leaves the list
                    // once published, so the restore removes any other on failure
                    writes.submit(0, d.directory(), () -> {
                        writer.publish(file, d.base(), d.relative(), d.entry());
                        staged.remove(d);
                    });
                }
            }
        }
        writes.awaitAll();
        for (int depth = byDepth.size() - 1; depth >= 0; depth--) {
            for (RestorePlan.Destination d : byDepth.get(depth)) {
                writes.submit(0, d.relative(), () -> writer.finishDirectory(d.base(), d.relative(), d.entry()));
            }
            writes.awaitAll();
        }
    }

    /** The directories to restore, by the number of names in their path below the base (the base itself first). */
    private List<List<RestorePlan.Destination>> directoriesByDepth() {
        List<List<RestorePlan.Destination>> byDepth = new ArrayList<>();
        for (RestorePlan.Destination d : states.keySet()) {
            if (d.entry().type() == EntryType.DIR) {
                String relative = d.relative();
                int depth = relative.isEmpty() ? 0 : 1;
                for (int i = relative.indexOf('/'); i >= 0; i = relative.indexOf('/', i + 1)) {
                    depth++;
                }
                while (byDepth.size() <= depth) {
                    byDepth.add(new ArrayList<>());
                }
                byDepth.get(depth).add(d);
            }
        }
        return byDepth;
    }

    /** An archive entry's content whose read failures are told apart from failures to write the target. */
    private static final class ArchiveContent extends FilterInputStream {
        ArchiveContent(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Unreadable(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new Unreadable(e);
            }
        }

        @Override
        public void close() {
            // the archive reader owns the stream
        }

        static final class Unreadable extends IOException {
            Unreadable(IOException cause) {
                super(cause.getMessage(), cause);
            }
        }
    }
}
