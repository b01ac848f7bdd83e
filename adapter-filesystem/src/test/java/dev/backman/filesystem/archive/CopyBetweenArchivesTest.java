package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import dev.backman.filesystem.archive.ArchiveFiles.ReadItem;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code backman export} does: each entry's content, valid only until the reader moves on, is added to
 * another archive while the reader is still open. The writer must have taken the bytes before returning.
 */
class CopyBetweenArchivesTest {

    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L);

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    /** Both readers (zip, tar) with and without a compression layer; bzip2 and xz add only time here. */
    static Stream<Arguments> sourcesAndTargets() {
        return Stream.of(CompressionType.ZIP, CompressionType.TAR, CompressionType.TAR_GZ, CompressionType.TAR_ZST)
                .flatMap(source -> Stream.of(CompressionType.ZIP, CompressionType.TAR, CompressionType.TAR_ZST)
                        .map(target -> Arguments.of(source, target)));
    }

    @ParameterizedTest
    @MethodSource("sourcesAndTargets")
    void entriesReadFromOneArchiveAndAddedToAnotherComeOutIntact(CompressionType sourceType,
                                                                 CompressionType targetType) throws Exception {
        Map<String, byte[]> contents = contents();
        Path source = writeSource(sourceType, contents);
        Path target = dir.resolve("copy." + targetType.extension());

        WriteSummary summary;
        List<String> copied = new ArrayList<>();
        try (ArchiveReader reader = codec.newReader(sourceType, new PathStoredObject(source));
             OutputStream out = Files.newOutputStream(target);
             ArchiveWriter writer = codec.newWriter(targetType, out)) {
            for (Optional<ArchiveItem> next = reader.next(); next.isPresent(); next = reader.next()) {
                ArchiveItem item = next.get();
                FileEntry entry = TrickyTree.entry(item.name(), EntryType.FILE, item.size(), item.mode(),
                        item.mtime(), null);
                writer.addFile(entry, item.content());
                copied.add(item.name());
            }
            summary = writer.finish();
        }

        assertThat(copied).containsExactlyElementsOf(contents.keySet());
        Map<String, ReadItem> read = ArchiveFiles.readAll(codec, targetType, target);
        assertThat(read.keySet()).containsExactlyElementsOf(contents.keySet());
        for (Map.Entry<String, byte[]> expected : contents.entrySet()) {
            String name = expected.getKey();
            assertThat(read.get(name).content()).as("content of %s", name).isEqualTo(expected.getValue());
            assertThat(read.get(name).mtime()).isEqualTo(MTIME);
            assertThat(summary.sha256ByPath()).containsEntry(name, ArchiveFiles.sha256(expected.getValue()));
        }
    }

    /** Small and large, compressible and not, and empty: every path of the writers. */
    private static Map<String, byte[]> contents() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("src/empty", new byte[0]);
        contents.put("src/small.txt", TrickyTree.compressibleText(3_000));
        contents.put("src/random.bin", TrickyTree.randomBytes(150_000));
        contents.put("src/large.txt", TrickyTree.compressibleText((int) ZipArchiveWriter.IN_MEMORY_LIMIT + 1));
        contents.put("src/medium.txt", TrickyTree.compressibleText(200_000));
        contents.put("src/large-random.bin", TrickyTree.randomBytes((int) ZipArchiveWriter.IN_MEMORY_LIMIT + 3));
        for (int i = 0; i < 20; i++) {
            contents.put("src/many/file-" + i, TrickyTree.compressibleText(100 + 997 * i));
        }
        return contents;
    }

    private Path writeSource(CompressionType type, Map<String, byte[]> contents) throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path archive = dir.resolve("source." + type.extension());
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            int counter = 0;
            for (Map.Entry<String, byte[]> content : contents.entrySet()) {
                Path file = Files.write(files.resolve("f" + counter++), content.getValue());
                writer.addFile(TrickyTree.entry(content.getKey(), EntryType.FILE, content.getValue().length, 0644,
                        MTIME, null), file);
            }
            writer.finish();
        }
        return archive;
    }
}
