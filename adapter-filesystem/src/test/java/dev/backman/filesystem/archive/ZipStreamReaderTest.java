package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zip read front to back as it streams past (how a backup checks the zip it writes) gives the entries the
 * central directory gives, and refuses a zip whose central directory, local headers and bytes disagree.
 */
class ZipStreamReaderTest {
    private static final String LARGE_TEXT = "src/large.txt"; // over the writer's in-memory limit: spilled
    private static final String LARGE_RANDOM = "src/large.bin"; // stored: it does not compress
    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_001L);

    @TempDir
    Path dir;
    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);
    private TrickyTree tree;
    private byte[] zip;

    @BeforeEach
    void writeZip() throws IOException {
        tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = dir.resolve("archive.zip");
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(CompressionType.ZIP, out)) {
            tree.writeTo(writer);
            add(writer, LARGE_TEXT, TrickyTree.compressibleText(3 << 20));
            add(writer, LARGE_RANDOM, TrickyTree.randomBytes(3 << 19));
            writer.finish();
        }
        zip = Files.readAllBytes(archive);
    }

    @Test
    void readsWhatTheCentralDirectoryListsWithLinksAsFilesHoldingTheirTarget() throws IOException {
        Map<String, ArchiveFiles.ReadItem> listed = ArchiveFiles.readAll(codec, CompressionType.ZIP,
                Files.write(dir.resolve("whole.zip"), zip));

        Map<String, ArchiveFiles.ReadItem> streamed = streamAll(zip);

        assertThat(streamed.keySet()).containsExactlyElementsOf(listed.keySet());
        assertThat(listed.values()).extracting(ArchiveFiles.ReadItem::kind)
                .contains(ArchiveItem.Kind.SYMLINK, ArchiveItem.Kind.DIRECTORY, ArchiveItem.Kind.FILE);
        for (ArchiveFiles.ReadItem expected : listed.values()) {
            ArchiveFiles.ReadItem item = streamed.get(expected.name());
            assertThat(item.mtime()).as(expected.name()).isEqualTo(expected.mtime());
            assertThat(item.mode()).as("no mode in a local header").isEqualTo(-1);
            switch (expected.kind()) {
                case DIRECTORY -> assertThat(item.kind()).isEqualTo(ArchiveItem.Kind.DIRECTORY);
                case SYMLINK -> {
                    assertThat(item.kind()).isEqualTo(ArchiveItem.Kind.FILE);
                    assertThat(new String(item.content(), StandardCharsets.UTF_8)).isEqualTo(expected.linkTarget());
                }
                default -> {
                    assertThat(item.kind()).isEqualTo(ArchiveItem.Kind.FILE);
                    assertThat(item.content()).as(expected.name()).isEqualTo(expected.content());
                }
            }
        }
        assertThat(streamed.get(LARGE_RANDOM).content()).isEqualTo(TrickyTree.randomBytes(3 << 19));
    }

    @Test
    void aZipWithoutEntriesHasNone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArchiveWriter writer = codec.newWriter(CompressionType.ZIP, out)) {
            writer.finish();
        }

        assertThat(streamAll(out.toByteArray())).isEmpty();
    }

    @Test
    void aCentralDirectoryCrcOtherThanTheLocalHeadersIsRefusedNamingTheEntry() {
        int record = centralRecordOf(TrickyTree.HELLO);
        zip[record + 16] ^= 0x01;

        assertRefused(zip, TrickyTree.HELLO, "CRC-32");
    }

    @Test
    void aCentralDirectoryPointingAtAnotherOffsetIsRefused() {
        int record = centralRecordOf(LARGE_TEXT);
        int offset = le32(record + 42);
        putLe32(record + 42, offset + 1);

        assertRefused(zip, LARGE_TEXT, "offset");
    }

    @Test
    void aCentralDirectoryListingAnotherNameIsRefused() {
        int record = centralRecordOf("src/compressible.txt");
        zip[record + 46 + "src/".length()] = 'k';

        assertRefused(zip, "src/kompressible.txt", "where src/compressible.txt was read");
    }

    @Test
    void aZipWithoutItsCentralDirectoryIsRefused() {
        byte[] cut = Arrays.copyOf(zip, centralRecordOf(TrickyTree.HELLO) - 200);

        assertThatThrownBy(() -> streamAll(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("is corrupt or truncated");
    }

    @Test
    void anEndRecordCountingOtherEntriesIsRefused() {
        int entries = le16(zip.length - 22 + 10);
        zip[zip.length - 22 + 10]++;

        assertRefused(zip, "the end record's entry count is " + (entries + 1), entries + " expected");
    }

    @Test
    void bytesAfterTheEndRecordAreRefused() {
        byte[] longer = Arrays.copyOf(zip, zip.length + 3);

        assertRefused(longer, "central directory", "3 bytes where the archive should end");
    }

    @Test
    void zip64FieldsForEverySizeAndOffsetAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.setUseZip64(Zip64Mode.Always); // all ones in the headers, the values in zip64 fields
            for (String name : List.of("one.txt", "two.txt")) {
                byte[] content = ("content of " + name).getBytes(StandardCharsets.US_ASCII);
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                out.putArchiveEntry(entry);
                out.write(content);
                out.closeArchiveEntry();
            }
        }

        Map<String, ArchiveFiles.ReadItem> items = streamAll(bytes.toByteArray());

        assertThat(items.keySet()).containsExactly("one.txt", "two.txt");
        assertThat(new String(items.get("two.txt").content(), StandardCharsets.US_ASCII))
                .isEqualTo("content of two.txt");
    }

    @Test
    void aStoredFileWhoseBytesDifferFromItsHeaderIsRefusedAtItsEnd() {
        int record = centralRecordOf(LARGE_RANDOM);
        int local = le32(record + 42);
        int data = local + 30 + le16(local + 26) + le16(local + 28);
        zip[data + 1000] ^= 0x5A;

        assertRefused(zip, LARGE_RANDOM, "CRC-32");
    }

    @Test
    void entriesWhoseSizesFollowTheirDataAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jdk = new ZipOutputStream(bytes)) { // deflated entries get a data descriptor
            jdk.putNextEntry(new ZipEntry("a.txt"));
            jdk.write("hello".getBytes(StandardCharsets.US_ASCII));
            jdk.closeEntry();
        }

        assertRefused(bytes.toByteArray(), "a.txt", "data descriptor");
    }

    private void assertRefused(byte[] archive, String name, String problem) {
        assertThatThrownBy(() -> streamAll(archive)).isInstanceOf(IOException.class)
                .hasMessageContaining("archive test.zip is corrupt or truncated")
                .hasMessageContaining(name).hasMessageContaining(problem);
    }

    /** Every entry, its content read to the end as a backup's check reads it. */
    private Map<String, ArchiveFiles.ReadItem> streamAll(byte[] archive) throws IOException {
        Map<String, ArchiveFiles.ReadItem> items = new LinkedHashMap<>();
        try (ArchiveReader reader = codec.newStreamReader(CompressionType.ZIP, "test.zip",
                new ByteArrayInputStream(archive))) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                ArchiveItem item = next.get();
                items.put(item.name(), new ArchiveFiles.ReadItem(item.name(), item.kind(), item.size(), item.mode(),
                        item.mtime(), item.linkTarget(), item.content().readAllBytes()));
            }
        }
        return items;
    }

    private static void add(ArchiveWriter writer, String path, byte[] content) throws IOException {
        writer.addFile(TrickyTree.entry(path, EntryType.FILE, content.length, 0644, MTIME, null),
                new ByteArrayInputStream(content));
    }

    /** Where the central directory record of {@code name} starts (signature PK 1 2; name at offset 46). */
    private int centralRecordOf(String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + 46 + wanted.length <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && le16(i + 28) == wanted.length
                    && Arrays.equals(zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                found.add(i);
            }
        }
        assertThat(found).as("central directory records of %s", name).hasSize(1);
        return found.get(0);
    }

    private int le16(int at) {
        return ByteBuffer.wrap(zip, at, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
    }

    private int le32(int at) {
        return ByteBuffer.wrap(zip, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private void putLe32(int at, int value) {
        ByteBuffer.wrap(zip, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
    }
}
