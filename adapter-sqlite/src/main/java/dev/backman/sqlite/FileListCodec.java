package dev.backman.sqlite;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * A backup's file list as one compact value, for the catalog's {@code file_lists} table. A list is read and written
 * whole (change detection reads the parent's, a backup writes its own), and as rows it cost one call into SQLite per
 * column of each of 50,000 to 100,000 rows both ways; as one value it is one call per 64 KiB piece ({@link FileLists}).
 *
 * <p>Layout (integers are unsigned LEB128 varints; signed ones zigzag-encoded first; text is a varint byte count and
 * UTF-8): the format byte {@value #FORMAT}; the number of entries; the {@code stored_in} ids, each once (count, then
 * the ids); then per entry: how many leading bytes its path's UTF-8 shares with the previous path's and the rest of
 * it, the type (0 file, 1 directory, 2 symlink), a byte of flags saying which optional fields follow, size, mode
 * (signed), mtime's epoch second (signed) and nanosecond; then the SHA-256 as 32 bytes (or as text when it is not 64
 * lower-case hex digits), the link target, the index of {@code stored_in} among the ids, and the file key.
 */
final class FileListCodec {
    static final int FORMAT = 1;

    private static final int DIGEST = 1;
    private static final int DIGEST_TEXT = 1 << 1;
    private static final int LINK = 1 << 2;
    private static final int STORED_IN = 1 << 3;
    private static final int FILE_KEY = 1 << 4;
    private static final int KNOWN_FLAGS = DIGEST | DIGEST_TEXT | LINK | STORED_IN | FILE_KEY;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The value of each lower-case hex digit by its character; -1 for every other ASCII character. */
    private static final int[] HEX_VALUE = new int[128];

    static {
        Arrays.fill(HEX_VALUE, -1);
        for (int i = 0; i < HEX.length; i++) {
            HEX_VALUE[HEX[i]] = i;
        }
    }

    private FileListCodec() {
    }

    /** Takes the pieces of an encoded list, in order, numbered from 0. */
    @FunctionalInterface
    interface PieceSink {
        void accept(int index, byte[] piece) throws SQLException;
    }

    /**
     * Encodes {@code files} in their order and hands the value over in pieces of {@code pieceSize} bytes (the last
     * one shorter), as it goes: a list of 100,000 entries is about 10 MB, and building it whole first took four
     * times that in short-lived arrays (grown, trimmed, then cut into pieces) when a backup's heap is at its fullest.
     */
    static void encode(List<FileEntry> files, int pieceSize, PieceSink sink) throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        List<String> idOrder = new ArrayList<>();
        for (FileEntry file : files) {
            if (file.storedIn() != null && !ids.containsKey(file.storedIn())) {
                ids.put(file.storedIn(), idOrder.size());
                idOrder.add(file.storedIn());
            }
        }
        Output out = new Output(pieceSize, sink);
        out.write(FORMAT);
        out.varint(files.size());
        out.varint(idOrder.size());
        for (String id : idOrder) {
            out.text(id);
        }
        byte[] previous = new byte[0];
        byte[] digestBytes = new byte[32];
        for (FileEntry file : files) {
            byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
            int shared = Arrays.mismatch(previous, path);
            if (shared < 0) {
                shared = path.length; // the same path twice
            }
            out.varint(shared);
            out.bytes(path, shared, path.length - shared);
            previous = path;
            boolean digest = parseHexDigest(file.sha256(), digestBytes);
            int flags = (digest ? DIGEST : 0) | (file.sha256() != null && !digest ? DIGEST_TEXT : 0)
                    | (file.linkTarget() != null ? LINK : 0) | (file.storedIn() != null ? STORED_IN : 0)
                    | (file.fileKey() != null ? FILE_KEY : 0);
            out.write(typeCode(file.type()));
            out.write(flags);
            out.varlong(file.size());
            out.varlong(zigzag(file.mode()));
            out.varlong(zigzag(file.mtime().getEpochSecond()));
            out.varint(file.mtime().getNano());
            if (digest) {
                out.raw(digestBytes);
            } else if (file.sha256() != null) {
                out.text(file.sha256());
            }
            if (file.linkTarget() != null) {
                out.text(file.linkTarget());
            }
            if (file.storedIn() != null) {
                out.varint(ids.get(file.storedIn()));
            }
            if (file.fileKey() != null) {
                out.text(file.fileKey());
            }
            out.flushPieces();
        }
        out.finish();
    }

    /**
     * Decodes a list {@link #encode} wrote.
     *
     * @throws IllegalStateException when the value is of an unknown format (a newer backman's) or damaged
     */
    static List<FileEntry> decode(byte[] value) {
        Cursor list = new Cursor(value);
        List<FileEntry> files = new ArrayList<>(list.count);
        while (list.next()) {
            files.add(list.entry());
        }
        return Collections.unmodifiableList(files);
    }

    /**
     * The regular files whose contents backup {@code owner}'s archive holds ({@code stored_in}), in path order; the
     * other entries are skipped over without being built.
     *
     * @throws IllegalStateException as {@link #decode(byte[])}
     */
    static List<FileEntry> decodeOwnFiles(byte[] value, String owner) {
        return decodeOwn(value, owner, Cursor::entry);
    }

    /**
     * The contents of {@link #decodeOwnFiles} of the sizes {@code sizes} accepts: their digests and sizes only, no
     * paths built, and no digest of another size.
     *
     * @throws IllegalStateException as {@link #decode(byte[])}
     */
    static List<StoredContent> decodeOwnContents(byte[] value, String owner, LongPredicate sizes) {
        return decodeOwn(value, owner, list -> {
            if (!sizes.test(list.size)) {
                return null;
            }
            String sha256 = list.sha256();
            return sha256 == null ? null : new StoredContent(sha256, list.size, owner);
        });
    }

    /** What {@code item} makes of each regular file stored in {@code owner}'s archive; null leaves one out. */
    private static <T> List<T> decodeOwn(byte[] value, String owner, Function<Cursor, T> item) {
        Cursor list = new Cursor(value);
        int ownerIndex = list.indexOf(owner);
        List<T> found = new ArrayList<>();
        while (list.next()) {
            if (list.holds(ownerIndex)) {
                T made = item.apply(list);
                if (made != null) {
                    found.add(made);
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * Puts the 32 bytes that a digest of 64 lower-case hex digits stands for into {@code into}; false for anything
     * else (which is kept as text). One pass with a table: validating, then converting with {@code Character.digit},
     * was most of the time spent encoding a list of 100,000 files.
     */
    private static boolean parseHexDigest(String sha256, byte[] into) {
        if (sha256 == null || sha256.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i += 2) {
            char high = sha256.charAt(i);
            char low = sha256.charAt(i + 1);
            if ((high | low) >= HEX_VALUE.length) {
                return false;
            }
            int value = HEX_VALUE[high] << 4 | HEX_VALUE[low];
            if (value < 0) {
                return false;
            }
            into[i >> 1] = (byte) value;
        }
        return true;
    }

    private static int typeCode(EntryType type) {
        return switch (type) {
            case FILE -> 0;
            case DIR -> 1;
            case SYMLINK -> 2;
        };
    }

    private static EntryType type(int code) {
        return switch (code) {
            case 0 -> EntryType.FILE;
            case 1 -> EntryType.DIR;
            case 2 -> EntryType.SYMLINK;
            default -> throw new IllegalStateException(String.format(Locale.ROOT,
                    "unknown entry type %d in a file list (written by a newer backman?)", code));
        };
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static IllegalStateException damaged() {
        return new IllegalStateException("damaged file list; " + SqlFailures.REBUILD_HINT);
    }

    /** Reads a list entry by entry; each entry's fields are read, its strings built only when asked for. */
    private static final class Cursor {
        private final Input in;
        private final String[] ids;
        final int count;
        private int read;
        private byte[] pathBytes = new byte[256];
        private int pathLength;
        private String path;
        private String sha256;
        EntryType type;
        private long size;
        private long mode;
        private long second;
        private int nano;
        private int digestAt;
        private long digestText;
        private long linkTarget;
        int storedIn;
        private long fileKey;

        Cursor(byte[] value) {
            in = new Input(value);
            int format = in.read();
            if (format != FORMAT) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "file list of unknown format %d (written by a newer backman?); %s", format,
                        SqlFailures.REBUILD_HINT));
            }
            count = in.varint();
            ids = new String[in.varint()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = in.text();
            }
        }

        /** Whether the current entry is a regular file whose content the archive of {@code ids[index]} holds. */
        boolean holds(int index) {
            return index >= 0 && type == EntryType.FILE && storedIn == index;
        }

        /** The position of {@code id} among the list's {@code stored_in} ids, or -1. */
        int indexOf(String id) {
            return Arrays.asList(ids).indexOf(id);
        }

        /** Reads the next entry; false after the last (when the value must end there too). */
        boolean next() {
            if (read == count) {
                if (!in.atEnd()) {
                    throw damaged();
                }
                return false;
            }
            read++;
            int shared = in.varint();
            int rest = in.varint();
            if (shared > pathLength) {
                throw damaged();
            }
            if (shared + rest > pathBytes.length) {
                pathBytes = Arrays.copyOf(pathBytes, Math.max(pathBytes.length * 2, shared + rest));
            }
            in.bytes(pathBytes, shared, rest);
            pathLength = shared + rest;
            path = null;
            sha256 = null;
            type = type(in.read());
            int flags = in.read();
            if ((flags & ~KNOWN_FLAGS) != 0) {
                throw damaged();
            }
            size = in.varlong();
            mode = unzigzag(in.varlong());
            second = unzigzag(in.varlong());
            nano = in.varint();
            digestAt = (flags & DIGEST) != 0 ? in.skip(32) : -1;
            digestText = (flags & DIGEST_TEXT) != 0 ? in.textSpan() : -1;
            linkTarget = (flags & LINK) != 0 ? in.textSpan() : -1;
            storedIn = -1;
            if ((flags & STORED_IN) != 0) {
                storedIn = in.varint();
                if (storedIn >= ids.length) {
                    throw damaged();
                }
            }
            fileKey = (flags & FILE_KEY) != 0 ? in.textSpan() : -1;
            return true;
        }

        String path() {
            if (path == null) {
                path = new String(pathBytes, 0, pathLength, StandardCharsets.UTF_8);
            }
            return path;
        }

        String sha256() {
            if (sha256 == null) {
                sha256 = digestAt >= 0 ? in.digestAt(digestAt) : digestText >= 0 ? in.text(digestText) : null;
            }
            return sha256;
        }

        FileEntry entry() {
            return new FileEntry(path(), type, size, (int) mode, Instant.ofEpochSecond(second, nano), sha256(),
                    linkTarget >= 0 ? in.text(linkTarget) : null, storedIn >= 0 ? ids[storedIn] : null,
                    fileKey >= 0 ? in.text(fileKey) : null);
        }
    }

    /**
     * A byte array that hands over each full piece: an entry is written whole, and then what fills pieces goes to
     * the sink (the buffer grows only for an entry longer than a piece).
     */
    private static final class Output {
        /** Room for a piece and one entry of ordinary length past it. */
        private static final int SLACK = 8 * 1024;
        private final int pieceSize;
        private final PieceSink sink;
        private int pieces;
        private byte[] buffer;
        private int length;

        Output(int pieceSize, PieceSink sink) {
            this.pieceSize = pieceSize;
            this.sink = sink;
            buffer = new byte[(int) Math.min(pieceSize + (long) SLACK, 1024 * 1024)];
        }

        /** Hands over the full pieces written so far, keeping the rest. */
        void flushPieces() throws SQLException {
            int from = 0;
            while (length - from >= pieceSize) {
                sink.accept(pieces++, Arrays.copyOfRange(buffer, from, from + pieceSize));
                from += pieceSize;
            }
            if (from > 0) {
                System.arraycopy(buffer, from, buffer, 0, length - from);
                length -= from;
            }
        }

        /** Hands over what is left as the last piece. */
        void finish() throws SQLException {
            flushPieces();
            if (length > 0) {
                sink.accept(pieces++, Arrays.copyOf(buffer, length));
            }
        }

        void write(int b) {
            room(1);
            buffer[length++] = (byte) b;
        }

        void varint(int value) {
            varlong(value & 0xFFFFFFFFL);
        }

        void varlong(long value) {
            room(10);
            while ((value & ~0x7FL) != 0) {
                buffer[length++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[length++] = (byte) value;
        }

        void bytes(byte[] source, int from, int count) {
            varint(count);
            room(count);
            System.arraycopy(source, from, buffer, length, count);
            length += count;
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            bytes(utf8, 0, utf8.length);
        }

        void raw(byte[] bytes) {
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void room(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    /** Reads what {@link Output} wrote; running past the end is a damaged list. */
    private static final class Input {
        private final byte[] data;
        private final byte[] hexDigits = new byte[64];
        private int position;

        Input(byte[] data) {
            this.data = data;
        }

        int read() {
            if (position >= data.length) {
                throw damaged();
            }
            return data[position++] & 0xFF;
        }

        int varint() {
            long value = varlong();
            if (value > Integer.MAX_VALUE) {
                throw damaged();
            }
            return (int) value;
        }

        long varlong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw damaged();
        }

        void bytes(byte[] target, int at, int count) {
            if (count > data.length - position) {
                throw damaged();
            }
            System.arraycopy(data, position, target, at, count);
            position += count;
        }

        String text() {
            return text(textSpan());
        }

        /** Skips a text, returning where it is: its offset in the high half, its byte count in the low half. */
        long textSpan() {
            int count = varint();
            int at = skip(count);
            return (long) at << 32 | count;
        }

        String text(long span) {
            return new String(data, (int) (span >>> 32), (int) span, StandardCharsets.UTF_8);
        }

        /** Skips {@code count} bytes, returning their offset. */
        int skip(int count) {
            if (count > data.length - position) {
                throw damaged();
            }
            int at = position;
            position += count;
            return at;
        }

        /** The 32 bytes at {@code at} as 64 lower-case hex digits. */
        String digestAt(int at) {
            byte[] hex = hexDigits; // the string copies it: one buffer serves every digest of the list
            for (int i = 0; i < 32; i++) {
                int b = data[at + i] & 0xFF;
                hex[2 * i] = HEX[b >>> 4];
                hex[2 * i + 1] = HEX[b & 0xF];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        boolean atEnd() {
            return position == data.length;
        }
    }
}
