package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.CraftedArchive.RawTar;
import dev.backman.cli.CraftedArchive.Zeros;
import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A repository whose archive holds an entry far larger than its manifest records, a tar header claiming a terabyte,
 * a long-name bomb, or far more entries than the manifest lists: reading stops at the recorded sizes and limits,
 * nothing beyond a recorded size is written, no memory is taken in proportion to a claim, and both restore and
 * verify exit 3.
 */
class OversizedArchiveEntryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void anEntryInflatingFarBeyondItsRecordedSizeIsCutAtThatSizeAndRefused(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive.of(repo.source()).replace("project/sub/deeper/c.bin",
                new Zeros("project/sub/deeper/c.bin", 8L << 20)).writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("project/sub/deeper/c.bin: size differs (expected 10000 bytes, got more)");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("project/sub/deeper/c.bin: 10001 bytes stored, 10000 expected");
        repo.assertNothingEscapedAndNoFileWasRestored();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST"})
    void aTarHeaderClaimingATerabyteIsReadOnlyUpToTheRecordedSize(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        byte[] hello = Files.readAllBytes(repo.source().resolve("a.txt"));
        CraftedArchive.of(repo.source()).replace("project/a.txt",
                new RawTar("project/a.txt", TarConstants.LF_NORMAL, 1L << 40, hello.length, (byte) 'h'))
                .writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("backup b1 is damaged").contains("project/a.txt");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        repo.assertNothingEscapedAndNoFileWasRestored();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_ZST"})
    void aLongNameBombIsRefusedAsDamageInsteadOfFillingTheHeap(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive.of(repo.source()).insertBefore("project/a.txt",
                new RawTar("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, 16L << 20, 16L << 20, (byte) 'x'))
                .writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("archives/b1." + type.extension()).contains("long-name or PAX header");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("long-name or PAX header");
        repo.assertNothingEscapedAndNoFileWasRestored();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR_ZST", "ZIP"})
    void anArchiveWithFarMoreEntriesThanItsManifestIsNotReadToTheEnd(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive crafted = CraftedArchive.of(repo.source());
        for (int i = 0; i < 20_000; i++) {
            crafted.add(new CraftedArchive.File("project/extra/" + i, new byte[0]));
        }
        crafted.writeTo(repo.archive(), type);

        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("the archive holds more entries than the 7 its manifest lists");
        assertThat(verify.out().lines().count()).isLessThan(20);
    }
}
