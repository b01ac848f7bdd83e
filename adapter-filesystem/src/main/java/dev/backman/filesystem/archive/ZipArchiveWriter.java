package dev.backman.filesystem.archive;

import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a zip (UTF-8 names, zip64 where needed). Directories and symlinks are written at once; files are
 * compressed in parallel and appended by {@link #finish()}, so they follow the directories in the archive.
 */
final class ZipArchiveWriter implements ArchiveWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ZipArchiveWriter.class);

    private final DetachableOutputStream sink;
    private final ZipArchiveOutputStream zip;
    private final ZipEntryFactory entries = new ZipEntryFactory();
    private final ContentLedger ledger = new ContentLedger();
    private final ParallelZipEntries files;
    private boolean finished;
    private boolean closed;

    ZipArchiveWriter(OutputStream out, int threads, Path tempDirectory) {
        this.sink = new DetachableOutputStream(out);
        this.zip = new ZipArchiveOutputStream(new BufferedOutputStream(sink, IoBuffers.SIZE));
        zip.setEncoding(StandardCharsets.UTF_8.name());
        zip.setUseLanguageEncodingFlag(true);
        zip.setUseZip64(Zip64Mode.AsNeeded);
        this.files = new ParallelZipEntries(threads, tempDirectory, ledger, entries);
    }

    @Override
    public void addDirectory(FileEntry entry) throws IOException {
        zip.putArchiveEntry(entries.directory(entry));
        zip.closeArchiveEntry();
    }

    @Override
    public void addSymlink(FileEntry entry) throws IOException {
        byte[] target = entry.linkTarget().getBytes(StandardCharsets.UTF_8);
        zip.putArchiveEntry(entries.symlink(entry, target));
        zip.write(target);
        zip.closeArchiveEntry();
    }

    /** Opens the file now (a missing file fails here, as with tar); a worker reads and compresses it later. */
    @Override
    public void addFile(FileEntry entry, Path source) throws IOException {
        files.add(entry, source);
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
        files.writeTo(zip);
        zip.finish();
        zip.close(); // flushes the buffer; the sink never closes the caller's stream
        finished = true;
        return ledger.summary();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        files.close();
        if (!finished) {
            sink.detach();
            try {
                zip.close(); // the detached sink drops the central directory this writes
            } catch (IOException | RuntimeException e) {
                LOG.debug("ignored while abandoning a zip archive", e);
            }
        }
    }
}
