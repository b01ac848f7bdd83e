package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.WriteSummary;
import dev.backman.filesystem.archive.ArchiveFiles.ReadItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveRoundTripTest {

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void everyNameKindModeTimeLinkAndContentComesBack(CompressionType type) throws Exception {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = ArchiveFiles.archivePath(dir, type);
        ArchiveFiles.write(codec, type, archive, tree);

        Map<String, ReadItem> read = ArchiveFiles.readAll(codec, type, archive);

        int expectedEntries = 0;
        for (TrickyTree.Item item : tree.items()) {
            FileEntry entry = item.entry();
            ReadItem actual = read.get(entry.path());
            if (item.duplicateOf() != null && type == CompressionType.ZIP) {
                assertThat(actual).as("zip stores no duplicate").isNull();
                continue;
            }
            expectedEntries++;
            assertThat(actual).as(entry.path()).isNotNull();
            assertThat(actual.mode()).as("mode of %s", entry.path()).isEqualTo(entry.mode());
            assertThat(actual.mtime()).as("mtime of %s", entry.path()).isEqualTo(entry.mtime());
            if (item.duplicateOf() != null) {
                assertThat(actual.kind()).isEqualTo(ArchiveItem.Kind.HARD_LINK);
                assertThat(actual.linkTarget()).isEqualTo(item.duplicateOf().path());
                assertThat(actual.content()).isEmpty();
            } else if (entry.type() == EntryType.FILE) {
                assertThat(actual.kind()).isEqualTo(ArchiveItem.Kind.FILE);
                assertThat(actual.size()).isEqualTo(item.content().length);
                assertThat(actual.content()).as("content of %s", entry.path()).isEqualTo(item.content());
            } else if (entry.type() == EntryType.SYMLINK) {
                assertThat(actual.kind()).isEqualTo(ArchiveItem.Kind.SYMLINK);
                assertThat(actual.linkTarget()).isEqualTo(entry.linkTarget());
                assertThat(actual.content()).isEmpty();
            } else {
                assertThat(actual.kind()).isEqualTo(ArchiveItem.Kind.DIRECTORY);
                assertThat(actual.linkTarget()).isNull();
            }
        }
        assertThat(read).hasSize(expectedEntries);
        List<String> added = tree.items().stream()
                .filter(item -> type.isTar() || item.duplicateOf() == null)
                .map(item -> item.entry().path())
                .toList();
        assertThat(new ArrayList<>(read.keySet())).as("entries keep the order they were added in")
                .containsExactlyElementsOf(added);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void summaryHoldsTheSha256OfEveryStoredFileAndNoDuplicates(CompressionType type) throws Exception {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));

        WriteSummary summary = ArchiveFiles.write(codec, type, ArchiveFiles.archivePath(dir, type), tree);

        Map<String, String> expected = new HashMap<>();
        tree.items().stream()
                .filter(item -> item.entry().isFile() && item.duplicateOf() == null)
                .forEach(item -> expected.put(item.entry().path(), ArchiveFiles.sha256(item.content())));
        assertThat(summary.sha256ByPath()).isEqualTo(expected);
        assertThat(summary.changedWhileRead()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void closingAnItemsContentDoesNotDisturbTheEntriesAfterIt(CompressionType type) throws Exception {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = ArchiveFiles.archivePath(dir, type);
        ArchiveFiles.write(codec, type, archive, tree);
        Map<String, ReadItem> expected = ArchiveFiles.readAll(codec, type, archive);

        List<String> names = new ArrayList<>();
        try (ArchiveReader reader = codec.newReader(type, new PathStoredObject(archive))) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                ArchiveItem item = next.get();
                names.add(item.name());
                item.content().read(); // leave the content half-read...
                item.content().close(); // ...and close it, as a careless caller might
                assertThat(item.content().readAllBytes()).as("content of %s after close", item.name())
                        .isEqualTo(tail(expected.get(item.name()).content()));
            }
        }
        assertThat(names).containsExactlyElementsOf(expected.keySet());
    }

    private static byte[] tail(byte[] content) {
        return content.length == 0 ? content : java.util.Arrays.copyOfRange(content, 1, content.length);
    }
}
