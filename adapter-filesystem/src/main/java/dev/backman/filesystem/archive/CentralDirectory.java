package dev.backman.filesystem.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Walks a zip's central directory and end records, held in memory from the offset where the central directory
 * starts to the end of the archive, one record at a time and without an object per entry beyond the one read
 * (APPNOTE.TXT 4.3.12 to 4.3.16; a field holding all ones takes its value from the zip64 extra field, id 1). This is
 * how the central directory of a zip being written is compared with the entries decoded from its local headers: a
 * zip reader that builds every entry (commons-compress's {@code ZipFile}) raised the peak RSS of a full backup of
 * 100,000 files by about 40 MiB.
 */
final class CentralDirectory {

    private static final int FILE_HEADER = 0x02014b50;
    private static final int FILE_HEADER_LENGTH = 46;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int END = 0x06054b50;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long ALL_ONES_32 = 0xFFFFFFFFL;
    private static final int ALL_ONES_16 = 0xFFFF;

    /** One record: what the central directory says of an entry. */
    record Entry(byte[] rawName, int method, long crc, long compressedSize, long size, long localHeaderOffset) {

        /** The name, for messages. */
        String name() {
            return new String(rawName, StandardCharsets.UTF_8);
        }
    }

    private final ByteBuffer bytes;
    private final long offset;
    private int position;
    private int entries;

    /**
     * @param bytes  the archive's bytes from {@code offset} to its end
     * @param offset where in the archive those bytes start
     */
    CentralDirectory(ByteBuffer bytes, long offset) {
        this.bytes = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.offset = offset;
    }

    /** The next record, or null where the end records begin. */
    Entry next() throws IOException {
        if (bytes.limit() - position < 4 || bytes.getInt(position) != FILE_HEADER) {
            return null;
        }
        need(FILE_HEADER_LENGTH, "a central directory record");
        int nameLength = u16(position + 28);
        int extraLength = u16(position + 30);
        int commentLength = u16(position + 32);
        need(FILE_HEADER_LENGTH + nameLength + extraLength + commentLength, "a central directory record");
        byte[] name = new byte[nameLength];
        bytes.get(position + FILE_HEADER_LENGTH, name);
        long size = u32(position + 24);
        long compressedSize = u32(position + 20);
        long localHeaderOffset = u32(position + 42);
        if (size == ALL_ONES_32 || compressedSize == ALL_ONES_32 || localHeaderOffset == ALL_ONES_32) {
            int extra = zip64Extra(position + FILE_HEADER_LENGTH + nameLength, extraLength, name);
            int field = extra + 4;
            int end = extra + 4 + u16(extra + 2);
            if (size == ALL_ONES_32) {
                size = u64(field, end, name);
                field += 8;
            }
            if (compressedSize == ALL_ONES_32) {
                compressedSize = u64(field, end, name);
                field += 8;
            }
            if (localHeaderOffset == ALL_ONES_32) {
                localHeaderOffset = u64(field, end, name);
            }
        }
        Entry entry = new Entry(name, u16(position + 10), u32(position + 16), compressedSize, size, localHeaderOffset);
        position += FILE_HEADER_LENGTH + nameLength + extraLength + commentLength;
        entries++;
        return entry;
    }

    /**
     * Checks the end records that follow the last record: the number of entries and where the central directory
     * starts and ends must be those found, and nothing may follow them.
     */
    void checkEnd() throws IOException {
        long directorySize = position;
        boolean zip64 = bytes.limit() - position >= 4 && bytes.getInt(position) == ZIP64_END;
        if (zip64) {
            need(56, "the zip64 end record");
            long recordEnd = position + 12 + bytes.getLong(position + 4);
            same("the zip64 end record's entry count", bytes.getLong(position + 32), entries);
            same("the zip64 end record's central directory size", bytes.getLong(position + 40), directorySize);
            same("the zip64 end record's central directory offset", bytes.getLong(position + 48), offset);
            long zip64End = offset + position;
            if (recordEnd > bytes.limit()) {
                throw new IOException("the zip64 end record runs past the end of the archive");
            }
            position = (int) recordEnd;
            need(ZIP64_LOCATOR_LENGTH, "the zip64 end record's locator");
            if (bytes.getInt(position) != ZIP64_LOCATOR) {
                throw new IOException("no zip64 locator after the zip64 end record");
            }
            same("the zip64 locator's offset", bytes.getLong(position + 8), zip64End);
            position += ZIP64_LOCATOR_LENGTH;
        }
        need(END_LENGTH, "the end of central directory record");
        if (bytes.getInt(position) != END) {
            throw new IOException("no end of central directory record after its " + entries + " records");
        }
        // with a zip64 end record, a field of all ones means "see there"
        sameUnless(zip64, "the end record's entry count", u16(position + 10), ALL_ONES_16, entries);
        sameUnless(zip64, "the end record's central directory size", u32(position + 12), ALL_ONES_32,
                directorySize);
        sameUnless(zip64, "the end record's central directory offset", u32(position + 16), ALL_ONES_32, offset);
        int end = position + END_LENGTH + u16(position + 20);
        if (end != bytes.limit()) {
            throw new IOException((bytes.limit() - end) + " bytes where the archive should end");
        }
    }

    /** Where the zip64 extra field of the record named {@code name} starts, among its extra fields. */
    private int zip64Extra(int start, int length, byte[] name) throws IOException {
        for (int field = start; field + 4 <= start + length; field += 4 + u16(field + 2)) {
            if (u16(field) == ZIP64_EXTRA) {
                return field;
            }
        }
        throw new IOException(new String(name, StandardCharsets.UTF_8)
                + ": its central directory record needs a zip64 field it lacks");
    }

    private long u64(int at, int end, byte[] name) throws IOException {
        if (at + 8 > end) {
            throw new IOException(new String(name, StandardCharsets.UTF_8) + ": its zip64 field is too short");
        }
        return bytes.getLong(at);
    }

    private int u16(int at) {
        return bytes.getShort(at) & 0xFFFF;
    }

    private long u32(int at) {
        return bytes.getInt(at) & ALL_ONES_32;
    }

    private void need(int length, String what) throws IOException {
        if (bytes.limit() - position < length) {
            throw new IOException(what + " is cut short at offset " + (offset + position));
        }
    }

    private static void same(String what, long found, long expected) throws IOException {
        if (found != expected) {
            throw new IOException(what + " is " + found + ", " + expected + " expected");
        }
    }

    private static void sameUnless(boolean zip64, String what, long found, long allOnes, long expected)
            throws IOException {
        if (!zip64 || found != allOnes) {
            same(what, found, expected);
        }
    }
}
