package dev.backman.filesystem.archive;

import dev.backman.domain.model.CompressionType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandardToolsCompatibilityTest {

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "ZIP", mode = EnumSource.Mode.EXCLUDE)
    void gnuTarExtractsEveryTarFormatFaithfully(CompressionType type) throws Exception {
        ExternalTool.assumeInstalled("tar");
        ExternalTool.assumeInstalled(switch (type) {
            case TAR_GZ -> "gzip";
            case TAR_BZ2 -> "bzip2";
            case TAR_ZST -> "zstd";
            case TAR_XZ -> "xz";
            default -> "tar";
        });
        ExternalTool.assumeUtf8FileNames();
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = ArchiveFiles.archivePath(dir, type);
        ArchiveFiles.write(codec, type, archive, tree);
        Path extracted = Files.createDirectory(dir.resolve("extracted"));

        ExternalTool.run(extracted, "tar", "-x", "-p", decompressOption(type), "-f", archive.toString());

        ExtractedTree.assertMatches(extracted, tree, true, true);
    }

    @Test
    void unzipExtractsTheZipFaithfully() throws Exception {
        ExternalTool.assumeInstalled("unzip");
        ExternalTool.assumeUtf8FileNames();
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        Path archive = ArchiveFiles.archivePath(dir, CompressionType.ZIP);
        ArchiveFiles.write(codec, CompressionType.ZIP, archive, tree);
        Path extracted = Files.createDirectory(dir.resolve("extracted"));

        ExternalTool.run(extracted, "unzip", "-q", archive.toString());

        // Info-ZIP unzip 6.0 ignores negative extended timestamps and falls back to the DOS time (1980 at the
        // earliest); the JDK and this codec read them (see JdkZipCompatibilityTest, ArchiveRoundTripTest)
        ExtractedTree.assertMatches(extracted, tree, false, false);
    }

    private static String decompressOption(CompressionType type) {
        return switch (type) {
            case TAR -> "--no-auto-compress";
            case TAR_GZ -> "--gzip";
            case TAR_BZ2 -> "--bzip2";
            case TAR_ZST -> "--zstd";
            case TAR_XZ -> "--xz";
            case ZIP -> throw new IllegalArgumentException("not a tar format");
        };
    }
}
