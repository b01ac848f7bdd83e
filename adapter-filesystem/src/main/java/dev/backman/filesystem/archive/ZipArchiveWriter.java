package dev.backman.filesystem.archive;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a zip (UTF-8 names, zip64 where needed), entries in the order they are added. Files are read, hashed and
 * deflated (or stored, when they do not compress) on a pool of threads; files up to {@link #IN_MEMORY_LIMIT} are
 * kept in memory until their turn comes, larger ones in a temporary file.
 */
final class ZipArchiveWriter implements ArchiveWriter {

    /**
     * Deflate level. zlib's default (6) costs twice the time of 4 for about 2 % smaller archives on source trees;
     * level 1 is a third faster again for 4 % more.
     */
    static final int LEVEL = 4;
    /**
     * Largest file compressed in memory; larger ones are compressed into a temporary file. Between 1 and 4 MiB,
     * and for budgets of 8 to 48 MiB per thread, the time to write a source tree did not change.
     */
    static final long IN_MEMORY_LIMIT = 1L << 20;
    /** Memory for payloads waiting their turn, per thread (the threads' working chunks come on top). */
    static final long MEMORY_BUDGET_PER_THREAD = 8L << 20;
    private static final int SPILLS_PER_THREAD = 2;
    private static final int OPEN_FILES_PER_THREAD = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ZipArchiveWriter.class);

    private final DetachableOutputStream sink;
    private final ZipArchiveOutputStream zip;
    private final ZipEntryFactory entries = new ZipEntryFactory();
    private final ContentLedger ledger;
    private final ChunkPool chunks = new ChunkPool();
    private final SpillFiles spills;
    private final EntryCompressor compressor;
    private final ZipEntryQueue queue;
    private boolean finished;
    private boolean closed;

    ZipArchiveWriter(OutputStream out, int threads, Path tempDirectory) {
        this(out, CompressionThreads.pool("backman-zip", threads), threads, tempDirectory);
    }

    /** With the pool that compresses files ({@code threads} threads), shut down when the writer closes. */
    ZipArchiveWriter(OutputStream out, ExecutorService pool, int threads, Path tempDirectory) {
        this(out, pool, threads, tempDirectory, n -> { });
    }

    /** As above, with {@code bytesRead} told of the content bytes read, from the threads that read them. */
    ZipArchiveWriter(OutputStream out, ExecutorService pool, int threads, Path tempDirectory,
                     LongConsumer bytesRead) {
        this.ledger = new ContentLedger(bytesRead);
        this.sink = new DetachableOutputStream(out);
        this.zip = new ZipArchiveOutputStream(new BufferedOutputStream(sink, IoBuffers.SIZE));
        zip.setEncoding(StandardCharsets.UTF_8.name());
        zip.setUseLanguageEncodingFlag(true);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        this.spills = new SpillFiles(tempDirectory);
        this.compressor = new EntryCompressor(LEVEL, chunks, spills);
        ZipEntryQueue.Limits limits = new ZipEntryQueue.Limits(MEMORY_BUDGET_PER_THREAD * threads,
                SPILLS_PER_THREAD * threads, OPEN_FILES_PER_THREAD * threads);
        this.queue = new ZipEntryQueue(zip, pool, limits);
    }

    @Override
    public void addDirectory(FileEntry entry) throws IOException {
        addReady(new CompressedEntry(entries.directory(entry), new SmallPayload(new byte[0])));
    }

    @Override
    public void addSymlink(FileEntry entry) throws IOException {
        byte[] target = entry.linkTarget().getBytes(StandardCharsets.UTF_8);
        addReady(new CompressedEntry(entries.symlink(entry, target), new SmallPayload(target)));
    }

    /** Opens the file now (a missing file fails here, as with tar); a worker reads and compresses it later. */
    @Override
    public void addFile(FileEntry entry, Path source) throws IOException {
        boolean inMemory = entry.size() <= IN_MEMORY_LIMIT;
        long memory = inMemory ? memoryFor(entry.size()) : CompressedEntry.OVERHEAD;
        int spilled = inMemory ? 0 : 1;
        queue.reserve(memory, spilled);
        ExactSizeHashingInputStream in;
        try {
            in = queue.open(() -> ExactSizeHashingInputStream.padding(Files.newInputStream(source), entry.size(),
                    entry.path(), ledger));
        } catch (IOException | RuntimeException e) {
            queue.cancel(memory, spilled);
            throw e;
        }
        queue.submit(() -> inMemory ? inMemory(entry, in) : compressor.spilled(entries.file(entry), in,
                entry.size()), memory, spilled, in);
    }

    /**
     * Reads the whole stream before returning: into memory, compressed later on the pool, or for a large file
     * compressed right away into a temporary file. A short stream fails and adds nothing.
     */
    @Override
    public void addFile(FileEntry entry, InputStream content) throws IOException {
        addFrom(entry, ExactSizeHashingInputStream.strict(content, entry.size(), entry.path(), ledger));
    }

    /** As {@link #addFile(FileEntry, InputStream)}, with the digest the caller computed: not hashed again. */
    @Override
    public void addFile(FileEntry entry, byte[] content, String sha256) throws IOException {
        addFrom(entry, ExactSizeHashingInputStream.hashed(content, sha256, entry.size(), entry.path(), ledger));
    }

    private void addFrom(FileEntry entry, ExactSizeHashingInputStream in) throws IOException {
        if (entry.size() <= IN_MEMORY_LIMIT) {
            long memory = chunksFor(entry.size()) + CompressedEntry.OVERHEAD; // held until a worker compresses it
            queue.reserve(memory, 0);
            ChunkedBytes bytes = new ChunkedBytes(chunks);
            try {
                bytes.readFrom(in, entry.size());
                in.finishRead();
            } catch (IOException | RuntimeException e) {
                bytes.release();
                queue.cancel(memory, 0);
                throw e;
            }
            queue.submit(() -> compressor.inMemory(entries.file(entry), bytes), memory, 0, null);
        } else {
            queue.reserve(CompressedEntry.OVERHEAD, 1);
            CompressedEntry compressed;
            try {
                compressed = compressor.spilled(entries.file(entry), in, entry.size());
                in.finishRead();
            } catch (IOException | RuntimeException e) {
                queue.cancel(CompressedEntry.OVERHEAD, 1);
                throw e;
            }
            queue.add(compressed, CompressedEntry.OVERHEAD, 1);
        }
    }

    @Override
    public void addDuplicate(FileEntry entry, FileEntry original) {
        // nothing to store: the manifest points the duplicate at the original's bytes
    }

    @Override
    public WriteSummary finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("the zip archive is already finished");
        }
        queue.writeAll();
        zip.finish();
        zip.close(); // flushes the buffer; the sink never closes the caller's stream
        finished = true;
        LOG.debug("zip archive finished; {} KiB of chunks were in use at most", chunksCreated() * (ChunkPool.CHUNK_SIZE / 1024));
        return ledger.summary();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        spills.close();
        compressor.close();
        if (!finished) {
            sink.detach();
            try {
                zip.close(); // the detached sink drops the central directory this writes
            } catch (IOException | RuntimeException e) {
                LOG.debug("ignored while abandoning a zip archive", e);
            }
        }
    }

    /** How many pooled chunks this writer allocated: the most it held at once. */
    int chunksCreated() {
        return chunks.created();
    }

    /** Runs in a worker: reads the open file into memory and compresses it there. */
    private CompressedEntry inMemory(FileEntry entry, ExactSizeHashingInputStream in) throws IOException {
        ChunkedBytes bytes = new ChunkedBytes(chunks);
        try {
            bytes.readFrom(in, entry.size());
            in.finishRead();
            return compressor.inMemory(entries.file(entry), bytes);
        } catch (IOException | RuntimeException e) {
            bytes.release();
            throw e;
        }
    }

    private void addReady(CompressedEntry entry) throws IOException {
        long memory = entry.memory();
        queue.reserve(memory, 0);
        queue.add(entry, memory, 0);
    }

    /** What a file's payload may hold until written: whole chunks, or its exact size if under one chunk. */
    private static long memoryFor(long size) {
        return (size < ChunkPool.CHUNK_SIZE ? size : chunksFor(size)) + CompressedEntry.OVERHEAD;
    }

    private static long chunksFor(long size) {
        return Math.max(1, (size + ChunkPool.CHUNK_SIZE - 1) / ChunkPool.CHUNK_SIZE) * ChunkPool.CHUNK_SIZE;
    }
}
