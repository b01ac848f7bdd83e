package dev.backman.application;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.CRC32C;

/**
 * Checks an archive while it is written: the bytes on their way to storage are also decoded on a second thread,
 * and every entry's size and CRC-32C must equal those of the bytes the writer read from the source (computed in the
 * same pass as their SHA-256). A backup so proves that its archive reads back as planned without a second pass
 * over the whole archive afterwards (for a zip, its central directory is compared with the entries too). Reading
 * back from storage stays the job of {@code verify}.
 */
final class StreamedArchiveCheck implements AutoCloseable {
    private static final int CHUNK = 256 * 1024;

    private final Ports ports;
    private final HandoffStream bytes = new HandoffStream();
    private final CompletableFuture<Observed> observed = new CompletableFuture<>();
    private final Thread reader;
    private Tee tee;
    private boolean ended;

    StreamedArchiveCheck(Ports ports, CompressionType type) {
        this.ports = ports;
        this.reader = new Thread(() -> observe(type), "backman-check");
        reader.setDaemon(true);
        reader.start();
    }

    /** A stream that writes to {@code out} and hands the same bytes to the check; not closed by the caller. */
    OutputStream tee(OutputStream out) {
        tee = new Tee(out);
        return tee;
    }

    /**
     * Ends the stream (everything was written) and compares what was decoded with the entries of backup
     * {@code backupId} and the CRC-32C values the writer recorded as it read each source; returns the problems,
     * empty when the archive holds exactly the planned contents, or no answer at all when the writer recorded no
     * CRC-32C for some stored file (the archive must then be read back from storage).
     */
    Optional<List<String>> compare(String backupId, List<FileEntry> files, WriteSummary summary) {
        Observed seen;
        try {
            if (tee != null) {
                tee.flushChunk();
            }
            end();
            seen = observed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(List.of("interrupted while checking the archive"));
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return Optional.of(List.of("archive cannot be read back: " + cause.getMessage()));
        }
        List<String> problems = new ArrayList<>(seen.problems());
        // The archive holds the stored files in the order of the list, so each is looked for where the previous one
        // was found, and only those not there (duplicates, which have no content of their own) in a map of the rest:
        // looking every path up in maps of 100,000 entries took two tenths of a second of a backup's serial end.
        List<SeenFile> inOrder = seen.files();
        int next = 0;
        List<FileEntry> elsewhere = new ArrayList<>();
        List<String> storedDigests = new ArrayList<>();
        for (FileEntry entry : files) {
            if (!entry.isFile() || !backupId.equals(entry.storedIn())) {
                continue;
            }
            if (next < inOrder.size() && inOrder.get(next).name().equals(entry.path())) {
                if (!compare(entry, inOrder.get(next++).content(), summary, problems, storedDigests)) {
                    return Optional.empty();
                }
            } else {
                elsewhere.add(entry);
            }
        }
        Map<String, Content> rest = byName(inOrder.subList(next, inOrder.size()));
        List<FileEntry> unseen = new ArrayList<>();
        for (FileEntry entry : elsewhere) {
            Content content = rest.get(entry.path());
            if (content == null) {
                unseen.add(entry);
            } else if (!compare(entry, content, summary, problems, storedDigests)) {
                return Optional.empty();
            }
        }
        problems.addAll(missing(unseen, storedDigests));
        return Optional.of(problems);
    }

    @Override
    public void close() {
        try {
            end();
        } catch (IOException e) {
            reader.interrupt();
        }
    }

    private void end() throws InterruptedIOException {
        if (!ended) {
            ended = true;
            bytes.end();
        }
    }

    /** Runs on the check's thread: decodes the archive, hashing every file entry. */
    private void observe(CompressionType type) {
        List<SeenFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        byte[] buffer = new byte[CHUNK];
        try (ArchiveReader archive = ports.codec().newStreamReader(type, "archive being written", bytes)) {
            for (Optional<ArchiveItem> next = archive.next(); next.isPresent(); next = archive.next()) {
                ArchiveItem item = next.get();
                if (!names.add(item.name())) {
                    problems.add(item.name() + ": appears more than once in the archive");
                } else if (item.kind() == ArchiveItem.Kind.FILE) {
                    files.add(new SeenFile(item.name(), crc32c(item.content(), buffer)));
                }
            }
            bytes.drain(); // what follows the last entry (padding, the end of the compressed frame)
            observed.complete(new Observed(files, problems));
        } catch (IOException | RuntimeException e) {
            observed.completeExceptionally(e);
        } finally {
            try {
                bytes.drain(); // the writer must never wait for a check that gave up
            } catch (IOException e) {
                observed.completeExceptionally(e);
            }
        }
    }

    private static Content crc32c(InputStream content, byte[] buffer) throws IOException {
        CRC32C crc = new CRC32C();
        long size = 0;
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            crc.update(buffer, 0, n);
            size += n;
        }
        return new Content(size, (int) crc.getValue());
    }

    /** What the archive holds under a name: its size and CRC-32C (cheap, and enough to catch damage). */
    private record Content(long size, int crc32c) {
    }

    /** A file entry decoded, under its name in the archive. */
    private record SeenFile(String name, Content content) {
    }

    /** Every file entry decoded, in archive order (names are unique), and problems of the archive as a whole. */
    private record Observed(List<SeenFile> files, List<String> problems) {
    }

    /**
     * Compares one stored file with what the archive holds under its name; false when the writer recorded no
     * CRC-32C for it.
     */
    private static boolean compare(FileEntry entry, Content content, WriteSummary summary, List<String> problems,
                                   List<String> storedDigests) {
        Integer crc32c = summary.crc32cByPath().get(entry.path());
        if (crc32c == null) {
            return false;
        }
        if (content.size() != entry.size()) {
            problems.add(entry.path() + ": " + content.size() + " bytes stored, " + entry.size() + " expected");
        } else if (content.crc32c() != crc32c) {
            problems.add(entry.path() + ": the stored bytes differ from those read (CRC-32C "
                    + Integer.toHexString(content.crc32c()) + ", expected " + Integer.toHexString(crc32c) + ")");
        } else {
            storedDigests.add(entry.sha256());
        }
        return true;
    }

    /** The entries not in the archive whose digest no stored file has (a duplicate has no content of its own). */
    private static List<String> missing(List<FileEntry> unseen, List<String> storedDigests) {
        if (unseen.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>();
        for (FileEntry entry : unseen) {
            wanted.add(entry.sha256());
        }
        Set<String> stored = new HashSet<>();
        for (String digest : storedDigests) {
            if (wanted.contains(digest)) {
                stored.add(digest);
            }
        }
        List<String> missing = new ArrayList<>();
        for (FileEntry entry : unseen) {
            if (!stored.contains(entry.sha256())) {
                missing.add(entry.path() + ": missing from the archive");
            }
        }
        return missing;
    }

    private static Map<String, Content> byName(List<SeenFile> files) {
        Map<String, Content> byName = new HashMap<>(Math.max(16, (int) (files.size() / 0.75f) + 1));
        for (SeenFile file : files) {
            byName.put(file.name(), file.content());
        }
        return byName;
    }

    /** Writes through to storage and, in chunks, to the check. */
    private final class Tee extends OutputStream {
        private final OutputStream out;
        private byte[] chunk = new byte[CHUNK];
        private int filled;

        Tee(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            while (length > 0) {
                int n = Math.min(length, chunk.length - filled);
                System.arraycopy(buffer, offset, chunk, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == chunk.length) {
                    flushChunk();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void flushChunk() throws IOException {
            if (filled > 0 && !ended) {
                chunk = bytes.handOver(chunk, filled); // no copy: the check reads this buffer, we fill another
            }
            filled = 0;
        }
    }
}
