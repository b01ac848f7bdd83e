package dev.backman.filesystem.archive;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a POSIX (pax) tar, optionally compressed. Files are read, hashed and archived on the caller's thread;
 * compression runs on other threads where the format allows it (zstd workers, parallel gzip members).
 */
final class TarArchiveWriter implements ArchiveWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TarArchiveWriter.class);

    private final CompressionType type;
    private final DetachableOutputStream sink;
    private final ExecutorService pool;
    private final OutputStream compressed;
    private final TarArchiveOutputStream tar;
    private final ContentLedger ledger;
    private final byte[] buffer = new byte[IoBuffers.SIZE];
    private boolean broken;
    private boolean finished;
    private boolean closed;

    TarArchiveWriter(CompressionType type, OutputStream out, int threads) throws IOException {
        this(type, out, threads, n -> { });
    }

    /** With {@code bytesRead} told of the content bytes read, as they are read (progress). */
    TarArchiveWriter(CompressionType type, OutputStream out, int threads, LongConsumer bytesRead) throws IOException {
        this.ledger = new ContentLedger(bytesRead);
        this.type = type;
        this.sink = new DetachableOutputStream(out);
        this.pool = type == CompressionType.TAR_GZ ? CompressionThreads.pool("backman-gzip", threads) : null;
        try {
            this.compressed = TarCompression.compressing(type, sink, pool, threads);
        } catch (IOException | RuntimeException e) {
            shutdownPool();
            throw e;
        }
        this.tar = new TarArchiveOutputStream(compressed, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    @Override
    public void addDirectory(FileEntry entry) throws IOException {
        putEmpty(header(entry.path() + "/", TarConstants.LF_DIR, entry));
    }

    @Override
    public void addSymlink(FileEntry entry) throws IOException {
        TarArchiveEntry header = header(entry.path(), TarConstants.LF_SYMLINK, entry);
        header.setLinkName(entry.linkTarget());
        putEmpty(header);
    }

    @Override
    public void addFile(FileEntry entry, Path source) throws IOException {
        // opened before the header is written, so a vanished file leaves the archive consistent
        try (InputStream in = ExactSizeHashingInputStream.padding(Files.newInputStream(source), entry.size(),
                entry.path(), ledger)) {
            putFile(entry, in);
        }
    }

    /** Streams exactly {@code entry.size()} bytes; a short stream fails mid-entry and the archive is lost. */
    @Override
    public void addFile(FileEntry entry, InputStream content) throws IOException {
        putFile(entry, ExactSizeHashingInputStream.strict(content, entry.size(), entry.path(), ledger));
    }

    /** Stores the bytes as they are: only their CRC-32C is computed, for the write-time check. */
    @Override
    public void addFile(FileEntry entry, byte[] content, String sha256) throws IOException {
        putFile(entry, ExactSizeHashingInputStream.hashed(content, sha256, entry.size(), entry.path(), ledger));
    }

    @Override
    public void addDuplicate(FileEntry entry, FileEntry original) throws IOException {
        TarArchiveEntry header = header(entry.path(), TarConstants.LF_LINK, entry);
        header.setLinkName(original.path());
        putEmpty(header);
    }

    @Override
    public WriteSummary finish() throws IOException {
        checkUsable();
        tar.finish();
        tar.close(); // closes the compressor, which writes its trailer; the sink only flushes
        finished = true;
        return ledger.summary();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            sink.detach();
            // releases native compressor state; the detached sink drops whatever trailer this writes
            closeQuietly(tar);
            closeQuietly(compressed);
        }
        shutdownPool();
    }

    private void putEmpty(TarArchiveEntry header) throws IOException {
        checkUsable();
        put(header);
        tar.closeArchiveEntry();
    }

    /**
     * Non-ASCII names and link targets get a pax record (what {@code setAddPaxHeadersForNonAsciiNames} does);
     * deciding it here spares commons-compress a US-ASCII {@code CharsetEncoder} test of every name.
     */
    private void put(TarArchiveEntry header) throws IOException {
        String link = header.getLinkName();
        tar.setAddPaxHeadersForNonAsciiNames(!Utf8HeaderEncoding.isAscii(header.getName())
                || link != null && !Utf8HeaderEncoding.isAscii(link));
        tar.putArchiveEntry(header);
    }

    private void putFile(FileEntry entry, InputStream in) throws IOException {
        checkUsable();
        TarArchiveEntry header = header(entry.path(), TarConstants.LF_NORMAL, entry);
        header.setSize(entry.size());
        put(header);
        broken = true; // until the entry is complete: a failure in between leaves a half-written entry behind
        int n;
        while ((n = in.read(buffer)) >= 0) {
            tar.write(buffer, 0, n);
        }
        tar.closeArchiveEntry();
        broken = false;
    }

    private void checkUsable() throws IOException {
        if (broken) {
            throw new IOException("the " + type + " archive is unusable: an earlier entry could not be completed");
        }
    }

    private void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            LOG.debug("ignored while abandoning a {} archive", type, e);
        }
    }

    private void shutdownPool() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TarArchiveEntry header(String name, byte linkFlag, FileEntry entry) {
        TarArchiveEntry header = new Utf8HeaderEntry(name, linkFlag);
        header.setMode(PosixModes.permissions(entry));
        // whole seconds: sub-second times would force a pax header on every entry
        header.setLastModifiedTime(FileTime.from(entry.mtime().getEpochSecond(), TimeUnit.SECONDS));
        header.setUserId(0);
        header.setGroupId(0);
        header.setUserName("");
        header.setGroupName("");
        return header;
    }

    /** An entry whose header fields are encoded by {@link Utf8HeaderEncoding}, byte for byte as before. */
    private static final class Utf8HeaderEntry extends TarArchiveEntry {
        Utf8HeaderEntry(String name, byte linkFlag) {
            super(name, linkFlag);
        }

        @Override
        public void writeEntryHeader(byte[] outbuf, ZipEncoding encoding, boolean starMode) throws IOException {
            super.writeEntryHeader(outbuf, Utf8HeaderEncoding.INSTANCE, starMode);
        }
    }
}
