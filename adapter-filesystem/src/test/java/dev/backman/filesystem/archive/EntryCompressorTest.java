package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntryCompressorTest {

    @TempDir
    Path dir;

    private final ChunkPool pool = new ChunkPool();
    private SpillFiles spills;
    private EntryCompressor compressor;

    @AfterEach
    void release() {
        compressor.close();
        spills.close();
    }

    private EntryCompressor compressor() {
        spills = new SpillFiles(dir);
        compressor = new EntryCompressor(ZipArchiveWriter.LEVEL, pool, spills);
        return compressor;
    }

    @Test
    void textIsDeflatedAndRandomBytesAreStoredInMemory() throws Exception {
        EntryCompressor compressor = compressor();
        byte[] text = TrickyTree.compressibleText(300_000);
        byte[] random = TrickyTree.randomBytes(300_000);

        CompressedEntry deflated = compressor.inMemory(new ZipArchiveEntry("text"), chunks(text));
        CompressedEntry stored = compressor.inMemory(new ZipArchiveEntry("random"), chunks(random));

        assertEntry(deflated, ZipArchiveEntry.DEFLATED, text);
        assertThat(deflated.header().getCompressedSize()).isLessThan(text.length / 5);
        assertEntry(stored, ZipArchiveEntry.STORED, random);
    }

    @Test
    void dataThatOnlyStartsCompressibleIsStoredWhenTheWholeDoesNotShrinkEnough() throws Exception {
        byte[] mixed = TrickyTree.randomBytes(2_000_000); // what the probe saves is < 5 % of it
        System.arraycopy(TrickyTree.compressibleText(EntryCompressor.PROBE_SIZE), 0, mixed, 0,
                EntryCompressor.PROBE_SIZE);

        CompressedEntry entry = compressor().inMemory(new ZipArchiveEntry("mixed"), chunks(mixed));

        assertEntry(entry, ZipArchiveEntry.STORED, mixed);
    }

    @Test
    void smallAndEmptyFilesAreExact() throws Exception {
        EntryCompressor compressor = compressor();
        byte[] tiny = "abc".getBytes();

        assertEntry(compressor.inMemory(new ZipArchiveEntry("empty"), chunks(new byte[0])), ZipArchiveEntry.STORED,
                new byte[0]);
        assertEntry(compressor.inMemory(new ZipArchiveEntry("tiny"), chunks(tiny)), ZipArchiveEntry.STORED, tiny);
        byte[] zeros = new byte[ChunkPool.CHUNK_SIZE];
        CompressedEntry oneChunk = compressor.inMemory(new ZipArchiveEntry("zeros"), chunks(zeros));
        assertEntry(oneChunk, ZipArchiveEntry.DEFLATED, zeros);
        assertThat(oneChunk.payload()).as("a small payload holds only its own bytes").isInstanceOf(SmallPayload.class);
    }

    @Test
    void spilledFilesAreDecidedByTheProbeAndTheirTemporaryFileGoesOnRelease() throws Exception {
        EntryCompressor compressor = compressor();
        byte[] text = TrickyTree.compressibleText(3_000_000);
        byte[] random = TrickyTree.randomBytes(3_000_000);

        CompressedEntry deflated = compressor.spilled(new ZipArchiveEntry("text"), new ByteArrayInputStream(text),
                text.length);
        CompressedEntry stored = compressor.spilled(new ZipArchiveEntry("random"),
                new ByteArrayInputStream(random), random.length);

        assertEntry(deflated, ZipArchiveEntry.DEFLATED, text);
        assertThat(deflated.header().getCompressedSize()).isLessThan(text.length / 5);
        assertEntry(stored, ZipArchiveEntry.STORED, random);
        Path file = ((SpillFiles.Spilled) stored.payload()).file();
        assertThat(Files.size(file)).isEqualTo(random.length);
        stored.payload().release();
        assertThat(file).doesNotExist();
    }

    /** The header matches the payload, and the payload decodes to {@code original}. */
    private static void assertEntry(CompressedEntry entry, int method, byte[] original) throws IOException {
        ZipArchiveEntry header = entry.header();
        assertThat(header.getMethod()).as("method of %s", header.getName()).isEqualTo(method);
        assertThat(header.getSize()).isEqualTo(original.length);
        CRC32 crc = new CRC32();
        crc.update(original);
        assertThat(header.getCrc()).isEqualTo(crc.getValue());
        byte[] payload;
        try (InputStream in = entry.payload().open()) {
            payload = in.readAllBytes();
        }
        assertThat((long) payload.length).isEqualTo(header.getCompressedSize());
        byte[] decoded = method == ZipArchiveEntry.STORED ? payload
                : new InflaterInputStream(new ByteArrayInputStream(payload), new Inflater(true)).readAllBytes();
        assertThat(decoded).isEqualTo(original);
    }

    private ChunkedBytes chunks(byte[] bytes) throws IOException {
        ChunkedBytes chunks = new ChunkedBytes(pool);
        chunks.readFrom(new ByteArrayInputStream(bytes), bytes.length);
        return chunks;
    }
}
