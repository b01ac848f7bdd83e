package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.model.StoredContent;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileListCodecTest {
    private static final Instant T = Instant.parse("2024-03-10T14:05:09.123456789Z");

    @Test
    void everyKindOfEntryAndFieldRoundTrips() {
        List<FileEntry> files = List.of(
                new FileEntry("p", EntryType.DIR, 0, 0755, T, null, null, null, null),
                new FileEntry("p/a", EntryType.FILE, Long.MAX_VALUE, 0644, Instant.ofEpochSecond(-2, 5),
                        "0123456789abcdef".repeat(4), null, "b1", "2049:7:1700000000000"),
                new FileEntry("p/a/b", EntryType.FILE, 0, -1, Instant.ofEpochSecond(Long.MIN_VALUE / 1000), "",
                        null, "b0", ""),
                new FileEntry("p/b", EntryType.FILE, 1, 0, T, "ABCDEF".repeat(10) + "abcd", null, "b1", null),
                new FileEntry("p/c", EntryType.FILE, 1, 07777, T, "not a digest", null, "b0", "1:2:3"),
                new FileEntry("p/l", EntryType.SYMLINK, 0, Integer.MIN_VALUE, T, null, "../\u00e9t\u00e9", null,
                        null),
                new FileEntry("p/\u00e9t\u00e9", EntryType.FILE, 3, Integer.MAX_VALUE, T, "f".repeat(64), null,
                        "b1", null),
                new FileEntry("p/\u00e9t\u00e9/\ud83d\ude00", EntryType.DIR, 0, 0700, T, null, null, null, null),
                new FileEntry("p/\u00e9tu", EntryType.DIR, 0, 0700, Instant.MAX, null, null, null, null));

        List<FileEntry> back = FileListCodec.decode(encode(files));

        assertThat(back).isEqualTo(files);
        assertThat(back.get(2).storedIn()).isSameAs(back.get(4).storedIn());
    }

    @Test
    void sixtyFourCharactersThatAreNotAllLowerCaseHexDigitsStayText() {
        String valid = "0123456789abcdef".repeat(4);
        List<FileEntry> files = new ArrayList<>();
        int i = 0;
        // the characters next to the digits' ranges, one beyond ASCII, and a bad last or first digit
        for (String digest : List.of(valid.substring(1) + "g", valid.substring(1) + "/", valid.substring(1) + ":",
                "`" + valid.substring(1), "\u00e9" + valid.substring(1), "\u0100" + valid.substring(1),
                valid.substring(2), valid, valid.replace('0', 'A'))) {
            files.add(new FileEntry("f" + i++, EntryType.FILE, 1, 0644, T, digest, null, "b1", null));
        }

        List<FileEntry> back = FileListCodec.decode(encode(files));

        assertThat(back).isEqualTo(files);
    }

    @Test
    void piecesAreFullButTheLastAndJoinToTheWholeValueEvenPastAnEntryLongerThanAPiece() throws Exception {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(new FileEntry(String.format("p/%04d", i), EntryType.FILE, i, 0644, T, "ab".repeat(32), null,
                    "b1", "2049:" + i + ":1710079509123"));
        }
        files.add(new FileEntry("p/x", EntryType.SYMLINK, 0, 0777, T, null, "t".repeat(1000), null, null));
        byte[] whole = encode(files);
        List<byte[]> pieces = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();

        FileListCodec.encode(files, 256, (index, piece) -> {
            indexes.add(index);
            pieces.add(piece);
        });

        assertThat(indexes).isEqualTo(IntStream.range(0, pieces.size()).boxed().toList());
        assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(piece -> assertThat(piece).hasSize(256));
        assertThat(pieces.get(pieces.size() - 1).length).isBetween(1, 256);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        pieces.forEach(joined::writeBytes);
        assertThat(joined.toByteArray()).isEqualTo(whole);
        assertThat(FileListCodec.decode(whole)).isEqualTo(files);
    }

    @Test
    void theEncodingIsTheOneCatalogsAlreadyHold() {
        // the bytes catalogs already hold: a change to the encoder must keep writing them, and the decoder reading
        // them, or come with a new format number
        List<FileEntry> files = List.of(
                new FileEntry("p", EntryType.DIR, 0, 0755, T, null, null, null, null),
                new FileEntry("p/a\u00e9", EntryType.FILE, 3, 0644, T, "0123456789abcdef".repeat(4), null, "b1",
                        "2049:7:1700000000000"),
                new FileEntry("p/a\u00e9b", EntryType.FILE, 4, 0600, T, "X".repeat(64), null, "b0", "k\u00fc"),
                new FileEntry("p/l", EntryType.SYMLINK, 0, 0777, T, null, "../t\u00e9", null, null));

        assertThat(HexFormat.of().formatHex(encode(files))).isEqualTo("010402026231026230000170010000da07aaf8edde0c"
                + "959aef3a01042f61c3a9001903c806aaf8edde0c959aef3a0123456789abcdef0123456789abcdef0123456789abcdef0123"
                + "456789abcdef0014323034393a373a31373030303030303030303030050162001a048006aaf8edde0c959aef3a4058585858"
                + "58585858585858585858585858585858585858585858585858585858585858585858585858585858585858585858585858"
                + "585858585858585858585801036bc3bc02016c020400fe07aaf8edde0c959aef3a062e2e2f74c3a9");
    }

    @Test
    void longPathsOfEitherKindRoundTripWhateverCameBefore() {
        String ascii = "d/" + "a".repeat(300);
        String unicode = "d/" + "\u00e9".repeat(400);
        List<FileEntry> files = new ArrayList<>();
        for (String path : List.of("d", ascii, ascii + "/" + "b".repeat(600), unicode, unicode + "x", "e",
                "e/\u00e9", "e/\u00e9/" + "c".repeat(2000), "f")) {
            files.add(new FileEntry(path, EntryType.FILE, path.length(), 0644, T, null, null, null,
                    "1:" + path.length() + ":2"));
        }

        assertThat(FileListCodec.decode(encode(files))).isEqualTo(files);
    }

    @Test
    void anEmptyListAndTheSamePathTwiceRoundTrip() {
        assertThat(FileListCodec.decode(encode(List.of()))).isEmpty();
        FileEntry a = new FileEntry("a", EntryType.DIR, 0, 0755, T, null, null, null, null);
        assertThat(FileListCodec.decode(encode(List.of(a, a)))).containsExactly(a, a);
    }

    @Test
    void sharedPathPrefixesAndDigestsAreStoredOnce() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            files.add(new FileEntry("project/src/main/java/dev/example/module/Source" + (1000 + i) + ".java",
                    EntryType.FILE, 1000, 0644, T, "ab".repeat(32), null, "backup_20240310_140509",
                    "2049:" + (100_000 + i) + ":1710079509123"));
        }

        byte[] encoded = encode(files);

        // per entry about 82 bytes: the path's last bytes, type, flags, size, mode, mtime, 32 digest bytes, the
        // stored_in index, the 22-byte file key; the whole 62-byte path or the digest as text would each add 30 more
        assertThat(encoded.length).isLessThan(1000 * 90);
        assertThat(FileListCodec.decode(encoded)).isEqualTo(files);
    }

    @Test
    void ownFilesAndContentsAreThoseTheOwnersArchiveHolds() {
        List<FileEntry> list = sorted(
                file("a/x", "1", "b0"), file("a/y", "2", "b0"), file("a/z", "3", "b1"),
                file("a/\ud83d\ude00", "4", "b0"), file("a/v", "6", "b1"),
                new FileEntry("a/w", EntryType.FILE, 3, 0644, T, null, null, "b0", null),
                new FileEntry("a/l", EntryType.SYMLINK, 0, 0777, T, null, "x", null, null),
                new FileEntry("a", EntryType.DIR, 0, 0755, T, null, null, null, null));
        byte[] encoded = encode(list);

        assertThat(FileListCodec.decodeOwnFiles(encoded, "b0")).extracting(FileEntry::path)
                .containsExactly("a/w", "a/x", "a/y", "a/\ud83d\ude00");
        assertThat(FileListCodec.decodeOwnContents(encoded, "b0", size -> true))
                .as("the file without a digest has no content")
                .containsExactly(new StoredContent("1".repeat(64), 1, "b0"), new StoredContent("2".repeat(64), 1, "b0"),
                        new StoredContent("4".repeat(64), 1, "b0"));
        assertThat(FileListCodec.decodeOwnContents(encoded, "b1", size -> true)).extracting(StoredContent::sha256)
                .containsExactly("6".repeat(64), "3".repeat(64));
        assertThat(FileListCodec.decodeOwnFiles(encoded, "b9")).isEmpty();
        assertThat(FileListCodec.decodeOwnContents(encoded, "b9", size -> true)).isEmpty();
        assertThat(FileListCodec.decodeOwnContents(encoded, "b0", size -> size != 1)).as("none of another size")
                .isEmpty();
    }

    private static FileEntry file(String path, String digit, String storedIn) {
        return new FileEntry(path, EntryType.FILE, 1, 0644, T, digit.repeat(64), null, storedIn, null);
    }

    /** In path order, as the catalog keeps lists (String order: a surrogate pair before U+FF01). */
    private static List<FileEntry> sorted(FileEntry... files) {
        List<FileEntry> list = new ArrayList<>(Arrays.asList(files));
        list.sort(Comparator.comparing(FileEntry::path));
        return list;
    }

    @Test
    void anUnknownFormatIsRefusedNamingIt() {
        byte[] encoded = encode(List.of(
                new FileEntry("a", EntryType.DIR, 0, 0755, T, null, null, null, null)));
        encoded[0] = 2;

        assertThatThrownBy(() -> FileListCodec.decode(encoded))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown format 2");
    }

    @Test
    void everyTruncationAndATrailingByteAreRefusedAsDamaged() {
        byte[] encoded = encode(List.of(
                new FileEntry("p", EntryType.DIR, 0, 0755, T, null, null, null, null),
                new FileEntry("p/a", EntryType.FILE, 5, 0644, T, "c".repeat(64), null, "b1", "1:2:3"),
                new FileEntry("p/l", EntryType.SYMLINK, 0, 0777, T, null, "a", null, null)));

        for (int length = 1; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> FileListCodec.decode(cut)).as("first %d bytes", length)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("damaged file list");
        }
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> FileListCodec.decode(longer)).hasMessageContaining("damaged file list");
    }

    @Test
    void anUnknownEntryTypeOrFlagIsRefused() {
        byte[] encoded = encode(List.of(
                new FileEntry("a", EntryType.DIR, 0, 0755, T, null, null, null, null)));
        // format, count, ids, shared, length, 'a', then the type and the flags
        int type = 6;
        byte[] badType = encoded.clone();
        badType[type] = 9;
        byte[] badFlags = encoded.clone();
        badFlags[type + 1] = (byte) 0x80;

        assertThatThrownBy(() -> FileListCodec.decode(badType)).hasMessageContaining("unknown entry type 9");
        assertThatThrownBy(() -> FileListCodec.decode(badFlags)).hasMessageContaining("damaged file list");
    }

    /** The whole value, as the catalog joins its pieces. */
    private static byte[] encode(List<FileEntry> files) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        try {
            FileListCodec.encode(files, Integer.MAX_VALUE, (index, piece) -> value.writeBytes(piece));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return value.toByteArray();
    }
}
