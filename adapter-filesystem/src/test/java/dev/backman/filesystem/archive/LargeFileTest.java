package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over 4 GiB (sparse on disk) needs zip64 sizes in the local header and the central directory. Deflating,
 * hashing and reading back 4 GiB takes about 45 s on two cores (deflate runs at ~4 s/GiB even on zeros); skip it
 * with {@code -Dbackman.skipLargeArchiveTests=true}. Tar needs no such test below 8 GiB, where its octal size
 * field is enough.
 */
@DisabledIfSystemProperty(named = "backman.skipLargeArchiveTests", matches = "true")
class LargeFileTest {

    private static final long SIZE = (4L << 30) + 4096 + 7;
    private static final byte[] HEAD = "head of a big file".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "tail".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void aFileOver4GiBRoundTripsThroughZip64WithItsDigest() throws Exception {
        CompressionType type = CompressionType.ZIP;
        Path source = sparseFile(dir.resolve("big.bin"));
        FileEntry entry = TrickyTree.entry("src/big.bin", EntryType.FILE, SIZE, 0644,
                Instant.ofEpochSecond(1_700_000_001L), null);
        Path archive = ArchiveFiles.archivePath(dir, type);
        CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

        WriteSummary summary;
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            writer.addFile(entry, source);
            summary = writer.finish();
        }

        try (ArchiveReader reader = codec.newReader(type, new PathStoredObject(archive))) {
            Optional<ArchiveItem> item = reader.next();
            assertThat(item).isPresent();
            assertThat(item.get().name()).isEqualTo(entry.path());
            assertThat(item.get().size()).isEqualTo(SIZE);
            ReadBack read = ReadBack.of(item.get().content());
            assertThat(read.length()).isEqualTo(SIZE);
            assertThat(read.head()).isEqualTo(HEAD);
            assertThat(read.tail()).isEqualTo(TAIL);
            assertThat(summary.sha256ByPath()).containsEntry(entry.path(), read.sha256());
            assertThat(reader.next()).isEmpty();
        }
        assertThat(summary.changedWhileRead()).isEmpty();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry(entry.path()).getSize()).as("size as the JDK reads it").isEqualTo(SIZE);
        }
    }

    /** What came out of the archive: length, first and last bytes, and the digest of it all. */
    private record ReadBack(long length, byte[] head, byte[] tail, String sha256) {
        static ReadBack of(InputStream content) throws IOException {
            MessageDigest digest = sha256Digest();
            byte[] buffer = new byte[256 * 1024];
            byte[] head = null;
            byte[] tail = new byte[TAIL.length];
            long length = 0;
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                if (head == null) {
                    head = Arrays.copyOf(buffer, HEAD.length);
                }
                digest.update(buffer, 0, n);
                length += n;
                if (n >= TAIL.length) {
                    tail = Arrays.copyOfRange(buffer, n - TAIL.length, n);
                }
            }
            return new ReadBack(length, head, tail, HexFormat.of().formatHex(digest.digest()));
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Path sparseFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE)) {
            channel.write(ByteBuffer.wrap(HEAD), 0);
            channel.write(ByteBuffer.wrap(TAIL), SIZE - TAIL.length);
        }
        return file;
    }
}
