package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.utils.ArchiveUtils;

/**
 * A tar input that remembers whether the archive ended with its end-of-archive record (a zero block) or just
 * stopped: commons-compress treats both as the end, but the second means the archive was cut short.
 *
 * <p>It also bounds what a hostile archive can make the reader hold: commons-compress reads a GNU long name or a
 * PAX header whole into memory, and follows a run of them by recursion, so a few kilobytes of compressed tar could
 * claim gigabytes of heap or overflow the stack. Metadata entries larger than {@link #MAX_METADATA_BYTES}, runs
 * longer than {@link #MAX_METADATA_RUN} and more than {@link #MAX_EXTENSION_RECORDS} sparse-map records before an
 * entry are refused as damage.
 *
 * <p>And it skips what is left of an entry, and the padding after it, through one buffer of its own:
 * commons-compress does so through a new 8 KiB array each time, two or more per entry, which was about half of all
 * the memory a full backup allocated (the write-time check reads the whole archive) and made the collector run
 * several times as often on a tree of small files.
 */
final class StrictTarInputStream extends TarArchiveInputStream {

    /** Largest long name, long link or PAX header accepted; real ones hold a path or two and a few attributes. */
    static final long MAX_METADATA_BYTES = 1 << 20;
    /** Most metadata entries in a row before the entry they describe (a real one has at most four). */
    static final int MAX_METADATA_RUN = 32;
    /** Most non-header records (old GNU sparse maps) read between two entry headers. */
    static final int MAX_EXTENSION_RECORDS = 4096;
    private static final int TYPE_FLAG_OFFSET = 156;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;

    private final byte[] skipBuffer = new byte[8192];
    private boolean sawEndRecord;
    private int metadataRun;
    private int extensionRecords;

    StrictTarInputStream(InputStream in) {
        super(in, StandardCharsets.UTF_8.name());
    }

    boolean sawEndRecord() {
        return sawEndRecord;
    }

    /**
     * Moves to the next entry as commons-compress does, reading the rest of the current entry and its record padding
     * here (sparse entries, whose padding follows their stored size, are left to commons-compress).
     */
    @Override
    public TarArchiveEntry getNextTarEntry() throws IOException {
        TarArchiveEntry current = getCurrentEntry();
        if (current != null && !isAtEOF() && !current.isSparse()) {
            while (read(skipBuffer, 0, skipBuffer.length) != -1) {
                // what the caller left unread
            }
            skipPadding(current);
            setCurrentEntry(null); // nothing is left for commons-compress to skip
        }
        return super.getNextTarEntry();
    }

    private void skipPadding(TarArchiveEntry entry) throws IOException {
        long size = entry.getSize();
        int recordSize = getRecordSize();
        if (entry.isDirectory() || size <= 0 || size % recordSize == 0) {
            return;
        }
        long padding = recordSize - size % recordSize;
        long skipped = 0;
        while (skipped < padding) {
            int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, padding - skipped));
            if (n < 0) {
                throw new IOException("Truncated TAR archive"); // commons-compress's words for the same damage
            }
            skipped += n;
        }
        count(skipped);
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
        if (record != null && ArchiveUtils.isArrayZero(record, getRecordSize())) {
            sawEndRecord = true;
        }
        return super.isEOFRecord(record);
    }

    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record != null && record.length > TYPE_FLAG_OFFSET) {
            check(record);
        }
        return record;
    }

    private void check(byte[] record) throws IOException {
        if (!isHeader(record)) {
            // not a header: an end record or a sparse map extension of the entry just read
            if (!ArchiveUtils.isArrayZero(record, record.length) && ++extensionRecords > MAX_EXTENSION_RECORDS) {
                throw new IOException("more than " + MAX_EXTENSION_RECORDS + " sparse-map records for one entry");
            }
            return;
        }
        extensionRecords = 0;
        if (!isMetadata(record[TYPE_FLAG_OFFSET])) {
            metadataRun = 0;
            return;
        }
        if (++metadataRun > MAX_METADATA_RUN) {
            throw new IOException("more than " + MAX_METADATA_RUN + " long-name or PAX headers in a row");
        }
        long size = metadataSize(record);
        if (size > MAX_METADATA_BYTES) {
            throw new IOException("a long-name or PAX header of " + size + " bytes (at most " + MAX_METADATA_BYTES
                    + " are accepted)");
        }
    }

    private static boolean isHeader(byte[] record) {
        try {
            return TarUtils.verifyCheckSum(record);
        } catch (IllegalArgumentException e) {
            return false; // garbage in the checksum field: commons-compress reports the damage itself
        }
    }

    private static long metadataSize(byte[] record) throws IOException {
        try {
            return TarUtils.parseOctalOrBinary(record, SIZE_OFFSET, SIZE_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new IOException("a long-name or PAX header has an unreadable size: " + e.getMessage(), e);
        }
    }

    private static boolean isMetadata(byte type) {
        return type == TarConstants.LF_GNUTYPE_LONGNAME || type == TarConstants.LF_GNUTYPE_LONGLINK
                || type == TarConstants.LF_PAX_EXTENDED_HEADER_LC || type == TarConstants.LF_PAX_EXTENDED_HEADER_UC
                || type == TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER;
    }
}
