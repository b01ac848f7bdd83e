package dev.backman.filesystem.archive;

import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads a zip front to back as its bytes stream past, to check an archive while it is written. Entries come from
 * their local headers (commons-compress's {@link ZipArchiveInputStream}); each file's bytes must match its header's
 * size and CRC-32, which is what {@code unzip} checks. The local headers carry no Unix mode, so every entry that is
 * not a directory comes as a file (a symbolic link's content is its target), with mode -1.
 *
 * <p>What follows the last entry, the central directory that every other zip reader goes by, is kept as it passes
 * and walked record by record ({@link CentralDirectory}): it must list exactly the entries read, by their bytes, in
 * the same order, at the offsets where they were found, with the same methods, sizes and CRC-32 values, and its end
 * records must count them and place it where it was found. Each local header must start where the previous entry
 * ended, so entries must state their sizes in their headers, as backman's writer does; an entry whose sizes follow
 * its data (a data descriptor) is refused.
 */
final class ZipStreamReader implements ArchiveReader {

    /** The fixed part of a local file header; its name and extra field lengths are at offsets 26 and 28. */
    private static final int LOCAL_HEADER = 30;
    private static final int[] LOCAL_HEADER_SIGNATURE = {'P', 'K', 3, 4};
    /** Read-ahead of the zip stream the recording can go back over (its own buffer is 512 bytes). */
    private static final int WINDOW = 64 * 1024;

    private final String key;
    private final RecordingInputStream source;
    private final ZipArchiveInputStream zip;
    private final List<LocalEntry> read = new ArrayList<>();
    private long nextOffset;
    private InputStream current;
    private boolean ended;

    ZipStreamReader(String key, InputStream in) {
        this.key = key;
        this.source = new RecordingInputStream(in, WINDOW, Integer.MAX_VALUE);
        this.zip = new ZipArchiveInputStream(source, StandardCharsets.UTF_8.name(), true, false);
    }

    @Override
    public Optional<ArchiveItem> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        try {
            finishCurrent();
            source.keepFrom(nextOffset);
            ZipArchiveEntry entry = zip.getNextZipEntry();
            if (entry == null) {
                ended = true;
                checkCentralDirectory();
                return Optional.empty();
            }
            return Optional.of(start(entry));
        } catch (IOException e) {
            throw ArchiveDamage.of(key, e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Reads what the caller left of the entry before, so its size and CRC-32 are checked. */
    private void finishCurrent() throws IOException {
        if (current != null) {
            InputStream rest = current;
            current = null;
            rest.transferTo(OutputStream.nullOutputStream());
        }
    }

    private ArchiveItem start(ZipArchiveEntry entry) throws IOException {
        String name = entry.getName();
        boolean found = source.keptLength() >= LOCAL_HEADER;
        for (int i = 0; found && i < LOCAL_HEADER_SIGNATURE.length; i++) {
            found = source.keptByte(i) == LOCAL_HEADER_SIGNATURE[i];
        }
        if (!found) {
            throw new IOException(name + ": its local header is not at offset " + nextOffset
                    + ", where the entry before it ends");
        }
        if (entry.getGeneralPurposeBit().usesDataDescriptor()) {
            throw new IOException(name + ": its sizes follow its data (a data descriptor), which a check of the"
                    + " archive as it is written cannot place");
        }
        int headerLength = LOCAL_HEADER + shortAt(26) + shortAt(28);
        source.stopKeeping();
        long offset = nextOffset;
        nextOffset = offset + headerLength + entry.getCompressedSize();
        read.add(new LocalEntry(entry.getRawName(), offset, entry.getMethod(), entry.getCrc(),
                entry.getCompressedSize(), entry.getSize()));
        FileTime mtime = entry.getLastModifiedTime();
        boolean directory = entry.isDirectory();
        current = new CheckedBytes(zip, name, entry.getSize(), entry.getCrc());
        InputStream content = new ItemContentStream(directory ? InputStream.nullInputStream() : current, key);
        return new ArchiveItem(EntryNames.withoutTrailingSlash(name),
                directory ? ArchiveItem.Kind.DIRECTORY : ArchiveItem.Kind.FILE, entry.getSize(), -1,
                mtime == null ? null : mtime.toInstant(), null, content);
    }

    private int shortAt(int offset) {
        return source.keptByte(offset) | source.keptByte(offset + 1) << 8;
    }

    /** Walks the central directory, kept from where the last entry ended, comparing it with the entries read. */
    private void checkCentralDirectory() throws IOException {
        source.transferTo(OutputStream.nullOutputStream()); // anything after the end record is kept too
        try {
            CentralDirectory directory = new CentralDirectory(source.keptBytes(), nextOffset);
            for (LocalEntry local : read) {
                CentralDirectory.Entry listed = directory.next();
                if (listed == null) {
                    throw new IOException("it lists fewer entries than the " + read.size() + " read");
                }
                local.compareWith(listed);
            }
            if (directory.next() != null) {
                throw new IOException("it lists more entries than the " + read.size() + " read");
            }
            directory.checkEnd();
        } catch (IOException e) {
            throw new IOException("its central directory at offset " + nextOffset + " does not match its entries: "
                    + e.getMessage(), e);
        } finally {
            source.stopKeeping();
        }
    }

    /** An entry as its local header describes it, at the offset where it was found. */
    private record LocalEntry(byte[] rawName, long offset, int method, long crc, long compressedSize, long size) {

        void compareWith(CentralDirectory.Entry listed) throws IOException {
            String name = new String(rawName, StandardCharsets.UTF_8);
            if (!Arrays.equals(rawName, listed.rawName())) {
                throw new IOException("it lists " + listed.name() + " where " + name + " was read, at offset "
                        + offset);
            }
            differs(name, "offset", offset, listed.localHeaderOffset());
            differs(name, "method", method, listed.method());
            differs(name, "CRC-32", crc, listed.crc());
            differs(name, "compressed size", compressedSize, listed.compressedSize());
            differs(name, "size", size, listed.size());
        }

        private static void differs(String name, String what, long local, long central) throws IOException {
            if (local != central) {
                throw new IOException(name + ": it gives " + what + " " + central + ", the local header " + local);
            }
        }
    }

    /**
     * An entry's bytes, which at their end must have the size and CRC-32 its header gives (skipped bytes are read:
     * InputStream's own skip).
     */
    private static final class CheckedBytes extends InputStream {
        private final InputStream in;
        private final String name;
        private final long size;
        private final long crc;
        private final CRC32 computed = new CRC32();
        private long count;
        private boolean checked;

        CheckedBytes(InputStream in, String name, long size, long crc) {
            this.in = in;
            this.name = name;
            this.size = size;
            this.crc = crc;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                checkEnd();
                return -1;
            }
            computed.update(b, off, n);
            count += n;
            if (count > size) {
                throw new IOException(name + ": more than the " + size + " bytes its header gives");
            }
            return n;
        }

        @Override
        public void close() {
            // the zip stream underneath stays open for the next entry
        }

        private void checkEnd() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            if (count != size) {
                throw new IOException(name + ": " + count + " bytes, its header gives " + size);
            }
            if (computed.getValue() != crc) {
                throw new IOException(name + ": CRC-32 " + Long.toHexString(computed.getValue())
                        + ", its header gives " + Long.toHexString(crc));
            }
        }
    }
}
