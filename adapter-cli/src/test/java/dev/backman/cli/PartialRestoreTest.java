package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code restore --partial} brings back every intact file of a damaged backup and names the others. */
class PartialRestoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void restoresTheIntactFilesAndListsTheDamagedOne(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        // same size, other bytes: only its SHA-256 tells
        CraftedArchive.of(repo.source()).replace("project/a.txt", CraftedArchive.file("project/a.txt",
                "HELLO BACKMAN\n")).writeTo(repo.archive(), type);

        Cli.Result strict = repo.cli().run("restore", "b1", "--target", "out");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(SourceTree.fileCount(repo.target())).isZero();

        Cli.Result partial = repo.cli().run("restore", "b1", "--target", "out", "--partial");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(partial.err()).contains("not restored: project/a.txt").contains("SHA-256");
        Path restored = repo.target().resolve("project");
        assertThat(restored.resolve("a.txt")).doesNotExist();
        assertThat(restored.resolve("sub/b.txt")).hasSameBinaryContentAs(repo.source().resolve("sub/b.txt"));
        assertThat(restored.resolve("sub/deeper/c.bin"))
                .hasSameBinaryContentAs(repo.source().resolve("sub/deeper/c.bin"));
        assertThat(restored.resolve("empty")).isEmptyDirectory();
        assertThat(repo.sentinel()).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void aStrictRestoreRemovesTheFilesItWroteBeforeFindingTheDamagedOne(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        // the archive's last file: the two before it are written (at their destinations) by then
        CraftedArchive.of(repo.source()).replace("project/sub/deeper/c.bin", CraftedArchive.file(
                "project/sub/deeper/c.bin", "x".repeat(10_000))).writeTo(repo.archive(), type);

        Cli.Result strict = repo.cli().run("restore", "b1", "--target", "out");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(strict.err()).contains("project/sub/deeper/c.bin");
        assertThat(SourceTree.fileCount(repo.target())).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST"})
    void aMissingArchiveListsEveryFileButStillRestoresTheDirectories(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        Files.delete(repo.archive());

        Cli.Result partial = repo.cli().run("--json", "restore", "b1", "--target", "out", "--partial");

        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(partial.out()).contains("\"failures\"").contains("project/a.txt").contains("project/sub/b.txt")
                .contains("project/sub/deeper/c.bin");
        assertThat(SourceTree.fileCount(repo.target())).isZero();
        assertThat(repo.target().resolve("project/sub/deeper")).isDirectory();
    }

    /** Larger than what the restore reads whole: its bytes stream to another thread as they are decompressed. */
    private static final int LARGE = 3 << 20;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void aLargeFileWithOtherBytesIsNamedAndTheRestRestored(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type, PartialRestoreTest::addLargeFile);
        byte[] other = Files.readAllBytes(repo.source().resolve("big.bin"));
        other[LARGE / 2] ^= 1;
        CraftedArchive.of(repo.source()).replace("project/big.bin", new CraftedArchive.File("project/big.bin", other))
                .writeTo(repo.archive(), type);

        Cli.Result strict = repo.cli().run("restore", "b1", "--target", "out");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(strict.err()).contains("project/big.bin").contains("SHA-256");
        assertThat(SourceTree.fileCount(repo.target())).isZero();

        Cli.Result partial = repo.cli().run("restore", "b1", "--target", "out", "--partial");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(partial.err()).contains("not restored: project/big.bin").contains("SHA-256");
        Path restored = repo.target().resolve("project");
        assertThat(restored.resolve("big.bin")).doesNotExist();
        assertThat(restored.resolve("a.txt")).hasSameBinaryContentAs(repo.source().resolve("a.txt"));
        assertThat(restored.resolve("sub/deeper/c.bin"))
                .hasSameBinaryContentAs(repo.source().resolve("sub/deeper/c.bin"));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST"})
    void anArchiveCutInsideALargeFileNamesItAsUnreadableAndKeepsWhatCameBefore(CompressionType type)
            throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type, PartialRestoreTest::addLargeFile);
        long size = Files.size(repo.archive());
        try (FileChannel archive = FileChannel.open(repo.archive(), StandardOpenOption.WRITE)) {
            archive.truncate(size / 2); // random bytes: the large file is most of the compressed archive
        }

        Cli.Result strict = repo.cli().run("restore", "b1", "--target", "out");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(strict.err()).contains("project/big.bin").contains("cannot be read");
        assertThat(SourceTree.fileCount(repo.target())).isZero();

        Cli.Result partial = repo.cli().run("restore", "b1", "--target", "out", "--partial");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(partial.err()).contains("not restored: project/big.bin").contains("cannot be read")
                .doesNotContain("size differs");
        Path restored = repo.target().resolve("project");
        assertThat(restored.resolve("a.txt")).hasSameBinaryContentAs(repo.source().resolve("a.txt"));
        assertThat(restored.resolve("big.bin")).doesNotExist();
        assertThat(restored.resolve("sub/b.txt")).doesNotExist(); // after the cut
    }

    private static void addLargeFile(Path source) throws IOException {
        byte[] bytes = new byte[LARGE];
        new Random(7).nextBytes(bytes);
        Files.write(source.resolve("big.bin"), bytes);
    }
}
