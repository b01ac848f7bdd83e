package dev.backman.filesystem.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.StoredObject;
import dev.backman.filesystem.archive.CommonsCompressArchiveCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip of many small files is read from its storage in a few large reads, not a few per entry. */
class ZipReadInBlocksTest {
    private static final int FILES = 2_000;
    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path dir;

    @Test
    void everyEntryOfAZipOfSmallFilesIsReadBackInAFewReadsOfItsStorage() throws IOException {
        Path archive = dir.resolve("small-files.zip");
        CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(CompressionType.ZIP, out)) {
            for (int i = 0; i < FILES; i++) {
                Path source = Files.writeString(dir.resolve("f" + i), "file " + i + "\n".repeat(i % 7));
                writer.addFile(new FileEntry("tree/f" + i, EntryType.FILE, Files.size(source), 0644, MTIME, null,
                        null, null), source);
            }
            writer.finish();
        }
        List<CountingChannel> opened = new ArrayList<>();

        int files = 0;
        try (ArchiveReader reader = codec.newReader(CompressionType.ZIP, new CountedReads(archive, opened))) {
            for (var item = reader.next(); item.isPresent(); item = reader.next()) {
                ArchiveItem file = item.get();
                int i = Integer.parseInt(file.name().substring("tree/f".length()));
                assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("file " + i + "\n".repeat(i % 7));
                files++;
            }
        }

        assertThat(files).isEqualTo(FILES);
        int reads = opened.stream().mapToInt(channel -> channel.reads).sum();
        assertThat(reads).as("reads of the stored object for %d entries", FILES).isLessThan(20);
    }

    @Test
    void aLocalObjectsChannelReadsItsFileInBlocks() throws IOException {
        Path file = Files.write(dir.resolve("object"), new byte[3 * BlockReadChannel.BLOCK + 5]);
        LocalStoredObject object = new LocalStoredObject("object", Files.size(file), file,
                new StorageFailures(dir.toString()));

        try (SeekableByteChannel channel = object.openChannel()) {
            assertThat(channel).isInstanceOf(BlockReadChannel.class);
            assertThat(channel.size()).isEqualTo(3L * BlockReadChannel.BLOCK + 5);
        }
    }

    /** The archive file read as a local object reads it, counting the reads made of the file. */
    private record CountedReads(Path file, List<CountingChannel> opened) implements StoredObject {
        @Override
        public String key() {
            return file.getFileName().toString();
        }

        @Override
        public long size() {
            return file.toFile().length();
        }

        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public SeekableByteChannel openChannel() throws IOException {
            CountingChannel channel = new CountingChannel(FileChannel.open(file, StandardOpenOption.READ));
            opened.add(channel);
            return new BlockReadChannel(channel); // as a local object's channel reads its file
        }
    }
}
