package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import dev.backman.filesystem.archive.ArchiveFiles.ReadItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code addFile(entry, InputStream)}: bytes from a stream that is valid only until the call returns. */
class AddFileFromStreamTest {

    /** Above the zip writer's in-memory limit: compressed from the stream into a temporary file. */
    private static final int LARGE = (int) ZipArchiveWriter.IN_MEMORY_LIMIT + 70_000;

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    /** Every format with small sizes; large only where the writer takes another path (and xz is not slow). */
    static Stream<Arguments> formatsAndSizes() {
        return Stream.concat(
                Arrays.stream(CompressionType.values())
                        .flatMap(type -> Stream.of(0, 1000, 300_000).map(size -> Arguments.of(type, size))),
                Stream.of(CompressionType.ZIP, CompressionType.TAR_ZST).map(type -> Arguments.of(type, LARGE)));
    }

    @ParameterizedTest
    @MethodSource("formatsAndSizes")
    void theStreamsBytesAreStoredWithTheirDigest(CompressionType type, int size) throws Exception {
        byte[] text = TrickyTree.compressibleText(size);
        byte[] random = TrickyTree.randomBytes(size);
        Path archive = ArchiveFiles.archivePath(dir, type);

        WriteSummary summary;
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            writer.addFile(file("src/text", size), new ByteArrayInputStream(text));
            writer.addFile(file("src/random", size), new ByteArrayInputStream(random));
            summary = writer.finish();
        }

        Map<String, ReadItem> read = ArchiveFiles.readAll(codec, type, archive);
        assertThat(read.get("src/text").content()).isEqualTo(text);
        assertThat(read.get("src/random").content()).isEqualTo(random);
        assertThat(summary.sha256ByPath()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "src/text", ArchiveFiles.sha256(text), "src/random", ArchiveFiles.sha256(random)));
        assertThat(summary.changedWhileRead()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("formatsAndSizes")
    void theStreamIsNotReadPastTheEntrysSize(CompressionType type, int size) throws Exception {
        byte[] bytes = TrickyTree.compressibleText(size + 5000);
        CountingStream content = new CountingStream(bytes);

        try (ArchiveWriter writer = codec.newWriter(type, OutputStream.nullOutputStream())) {
            writer.addFile(file("src/part", size), content);
            assertThat(content.position()).as("bytes taken from the stream").isEqualTo(size);
            assertThat(writer.finish().sha256ByPath())
                    .containsEntry("src/part", ArchiveFiles.sha256(Arrays.copyOf(bytes, size)));
        }
        assertThat(content.position()).isEqualTo(size);
    }

    @ParameterizedTest
    @MethodSource("formatsAndSizes")
    void aStreamThatEndsEarlyFails(CompressionType type, int size) throws Exception {
        byte[] bytes = TrickyTree.compressibleText(size);

        try (ArchiveWriter writer = codec.newWriter(type, OutputStream.nullOutputStream())) {
            assertThatThrownBy(() -> writer.addFile(file("src/short", size + 1), new ByteArrayInputStream(bytes)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("src/short");
        }
    }

    @Test
    void aZipStaysUsableAfterAShortStreamAndLeavesItOut() throws Exception {
        Path archive = ArchiveFiles.archivePath(dir, CompressionType.ZIP);
        byte[] good = TrickyTree.compressibleText(1000);

        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(CompressionType.ZIP, out)) {
            assertThatThrownBy(() -> writer.addFile(file("src/short", LARGE), new ByteArrayInputStream(good)))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> writer.addFile(file("src/short-small", 2000), new ByteArrayInputStream(good)))
                    .isInstanceOf(IOException.class);
            writer.addFile(file("src/good", good.length), new ByteArrayInputStream(good));
            assertThat(writer.finish().sha256ByPath()).containsOnlyKeys("src/good");
        }

        assertThat(ArchiveFiles.readAll(codec, CompressionType.ZIP, archive)).containsOnlyKeys("src/good");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "ZIP", mode = EnumSource.Mode.EXCLUDE)
    void aTarCannotBeFinishedAfterAShortStreamLeftAHalfWrittenEntry(CompressionType type) throws Exception {
        byte[] bytes = TrickyTree.compressibleText(1000);

        try (ArchiveWriter writer = codec.newWriter(type, OutputStream.nullOutputStream())) {
            assertThatThrownBy(() -> writer.addFile(file("src/short", 2000), new ByteArrayInputStream(bytes)))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(writer::finish).isInstanceOf(IOException.class).hasMessageContaining("unusable");
        }
    }

    private static FileEntry file(String path, long size) {
        return TrickyTree.entry(path, EntryType.FILE, size, 0644, Instant.ofEpochSecond(1_700_000_000L), null);
    }

    /** A stream that tells how far it was read. */
    private static final class CountingStream extends ByteArrayInputStream {
        CountingStream(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }
    }
}
