package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipManyEntriesTest {

    private static final int ENTRIES = 65_536 + 100; // past the 16-bit entry count of the classic zip format
    private static final int FILES = 1_000; // the rest are directories, which are much cheaper to write

    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path dir;

    @Test
    void zipWithMoreThan65535EntriesOpensInJdkZipFileAndTheCodec() throws Exception {
        byte[] content = "tiny\n".getBytes(StandardCharsets.US_ASCII);
        Path source = Files.write(dir.resolve("tiny.txt"), content);
        Path archive = dir.resolve("many.zip");
        CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(CompressionType.ZIP, out)) {
            for (int i = 0; i < ENTRIES - FILES; i++) {
                writer.addDirectory(TrickyTree.entry("many/dir-" + i, EntryType.DIR, 0, 0755, MTIME, null));
            }
            for (int i = 0; i < FILES; i++) {
                writer.addFile(TrickyTree.entry("many/file-" + i, EntryType.FILE, content.length, 0644, MTIME, null),
                        source);
            }
            assertThat(writer.finish().sha256ByPath()).hasSize(FILES);
        }

        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.size()).isEqualTo(ENTRIES);
            assertThat(zip.getInputStream(zip.getEntry("many/file-" + (FILES - 1))).readAllBytes())
                    .isEqualTo(content);
        }
        Map<ArchiveItem.Kind, Integer> kinds = new EnumMap<>(ArchiveItem.Kind.class);
        try (ArchiveReader reader = codec.newReader(CompressionType.ZIP, new PathStoredObject(archive))) {
            for (var item = reader.next(); item.isPresent(); item = reader.next()) {
                kinds.merge(item.get().kind(), 1, Integer::sum);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                ArchiveItem.Kind.DIRECTORY, ENTRIES - FILES, ArchiveItem.Kind.FILE, FILES));

        kinds.clear(); // as a backup checks it while it is written, zip64 end records included
        try (ArchiveReader reader = codec.newStreamReader(CompressionType.ZIP, "many.zip",
                Files.newInputStream(archive))) {
            for (var item = reader.next(); item.isPresent(); item = reader.next()) {
                kinds.merge(item.get().kind(), 1, Integer::sum);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
                ArchiveItem.Kind.DIRECTORY, ENTRIES - FILES, ArchiveItem.Kind.FILE, FILES));
    }
}
