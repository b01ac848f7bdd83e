package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkZipCompatibilityTest {

    @TempDir
    Path dir;

    private TrickyTree tree;
    private Path archive;

    @BeforeEach
    void writeZip() throws Exception {
        tree = TrickyTree.create(dir.resolve("sources"));
        archive = ArchiveFiles.archivePath(dir, CompressionType.ZIP);
        ArchiveFiles.write(new CommonsCompressArchiveCodec(2), CompressionType.ZIP, archive, tree);
    }

    @Test
    void jdkZipFileReadsNamesContentsAndExactMtimes() throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (TrickyTree.Item item : tree.items()) {
                FileEntry entry = item.entry();
                String name = entry.type() == EntryType.DIR ? entry.path() + "/" : entry.path();
                ZipEntry zipEntry = zip.getEntry(name);
                if (item.duplicateOf() != null) {
                    assertThat(zipEntry).as("duplicate %s is not stored", name).isNull();
                    continue;
                }
                assertThat(zipEntry).as(name).isNotNull();
                assertThat(zipEntry.getLastModifiedTime().toInstant()).as("mtime of %s", name)
                        .isEqualTo(entry.mtime());
                byte[] content = zip.getInputStream(zipEntry).readAllBytes();
                if (entry.type() == EntryType.FILE) {
                    assertThat(content).as("content of %s", name).isEqualTo(item.content());
                } else if (entry.type() == EntryType.SYMLINK) {
                    assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo(entry.linkTarget());
                }
            }
        }
    }

    @Test
    void incompressibleFilesAreStoredAndCompressibleOnesDeflated() throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry(TrickyTree.LONG_FILE).getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getEntry("src/compressible.txt").getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(zip.getEntry("src/compressible.txt").getCompressedSize()).isLessThan(300 * 1024 / 5);
        }
    }

    @Test
    void entriesCarryTheUtf8FlagUnixModesAndExtendedTimestamps() throws Exception {
        try (var zip = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(archive).get()) {
            ZipArchiveEntry unicode = zip.getEntry(TrickyTree.UNICODE_FILE);
            assertThat(unicode.getGeneralPurposeBit().usesUTF8ForNames()).isTrue();
            assertThat(unicode.getExtraField(UnicodePathExtraField.UPATH_ID)).isNotNull();
            assertThat(unicode.getExtraField(X5455_ExtendedTimestamp.HEADER_ID)).isNotNull();
            assertThat(unicode.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
            assertThat(unicode.getUnixMode()).isEqualTo(0100600);
            assertThat(zip.getEntry("src/link to hello").getUnixMode()).isEqualTo(0120777);
            assertThat(zip.getEntry("src/empty/nested/deeper/").getUnixMode()).isEqualTo(040700);
        }
    }
}
