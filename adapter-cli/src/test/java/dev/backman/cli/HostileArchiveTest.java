package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.CraftedArchive.Link;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A repository whose archive (and sometimes manifest) names entries outside the target, plants a symlink, or repeats
 * a name; in tar, tar.gz, tar.zst and zip. Restore writes nothing outside the target (the sentinel stays empty) and
 * takes only contents that match the manifest; verify reports each trick; refusals exit 3.
 */
class HostileArchiveTest {
    private static final String EVIL = "evil contents\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void entriesNamedOutsideTheTargetAreNeverWrittenAndTheMissingContentIsReported(CompressionType type)
            throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        byte[] hello = Files.readAllBytes(repo.source().resolve("a.txt"));
        CraftedArchive.of(repo.source()).replace("project/a.txt",
                new CraftedArchive.File(repo.sentinel().resolve("a.txt").toString(), hello),
                new CraftedArchive.File("../sentinel/a.txt", hello),
                new CraftedArchive.File("project/../../sentinel/a.txt", hello)).writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("backup b1 is damaged: project/a.txt")
                .contains("missing from the archive");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("project/../../sentinel/a.txt: not listed in the manifest")
                .contains("project/a.txt: missing from the archive");
        repo.assertNothingEscapedAndNoFileWasRestored();
    }

    @ParameterizedTest
    // refused from the manifest before the archive is opened: one tar and one zip suffice
    @EnumSource(value = CompressionType.class, names = {"TAR", "ZIP"})
    void namesOutsideTheTargetInArchiveAndManifestAreRefusedBeforeAnythingIsWritten(CompressionType type)
            throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        byte[] evil = EVIL.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("project/../../sentinel/evil", repo.sentinel().resolve("evil").toString())) {
            CraftedArchive.of(repo.source()).add(new CraftedArchive.File(name, evil)).writeTo(repo.archive(), type);
            repo.manifest().editFiles(files -> files.add(ManifestFile.fileEntry(name, evil, "b1")));

            Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");

            assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
            assertThat(restore.err()).as(name).startsWith("backman: refusing unsafe entry '" + name + "'");
            assertThat(repo.target()).doesNotExist();
            assertThat(repo.sentinel()).isEmptyDirectory();
            repo.manifest().editFiles(files -> files.removeIf(f -> f.path().equals(name)));
        }
    }

    @ParameterizedTest
    // refused from the manifest before the archive is opened: one tar and one zip suffice
    @EnumSource(value = CompressionType.class, names = {"TAR", "ZIP"})
    void aSymlinkPlantedEarlierInTheArchiveIsNeverWrittenThroughInWhateverOrderTheManifestListsIt(
            CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        byte[] evil = EVIL.getBytes(StandardCharsets.UTF_8);
        CraftedArchive.of(repo.source()).add(new Link("project/escape", repo.sentinel().toString()))
                .add(new CraftedArchive.File("project/escape/evil", evil)).writeTo(repo.archive(), type);
        FileEntry link = ManifestFile.symlinkEntry("project/escape", repo.sentinel().toString());
        FileEntry below = ManifestFile.fileEntry("project/escape/evil", evil, "b1");
        List<FileEntry> original = repo.manifest().read().files();

        for (boolean linkFirst : new boolean[] {true, false}) {
            repo.manifest().editFiles(files -> {
                files.clear();
                files.addAll(original);
                files.addAll(linkFirst ? List.of(link, below) : List.of(below, link));
            });

            Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");

            assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
            assertThat(restore.err()).contains("refusing unsafe entry 'project/escape/evil'")
                    .contains("lies below a symlink");
            assertThat(repo.target()).doesNotExist();
            assertThat(repo.sentinel()).isEmptyDirectory();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void aSymlinkInTheArchiveWhereTheManifestHasADirectoryIsNotFollowedAndVerifyReportsIt(CompressionType type)
            throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive.of(repo.source()).replace("project/sub", new Link("project/sub", repo.sentinel().toString()))
                .writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        // the manifest decides what is restored: sub is a directory, and only its listed contents are taken
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(repo.target().resolve("project/sub")).isDirectory();
        assertThat(Files.isSymbolicLink(repo.target().resolve("project/sub"))).isFalse();
        assertThat(SourceTree.read(repo.target().resolve("project"))).isEqualTo(SourceTree.read(repo.source()));
        assertThat(repo.sentinel()).isEmptyDirectory();
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("project/sub: a symlink in the archive, but a dir in the manifest");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void aRepeatedNameWhoseFirstCopyDiffersIsRefusedAgainstTheManifest(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive.of(repo.source()).insertBefore("project/a.txt", CraftedArchive.file("project/a.txt", EVIL))
                .writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(restore.err()).contains("project/a.txt");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("project/a.txt: appears more than once in the archive");
        repo.assertNothingEscapedAndNoFileWasRestored();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"TAR", "TAR_GZ", "TAR_ZST", "ZIP"})
    void aRepeatedNameAfterTheRightCopyNeverOverwritesItButVerifyReportsIt(CompressionType type) throws IOException {
        HostileRepository repo = HostileRepository.backUp(dir, type);
        CraftedArchive crafted = CraftedArchive.of(repo.source());
        crafted.add(CraftedArchive.file("project/a.txt", EVIL)).writeTo(repo.archive(), type);

        Cli.Result restore = repo.cli().run("restore", "b1", "--target", "out");
        Cli.Result verify = repo.cli().run("verify", "b1");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(Files.readString(repo.target().resolve("project/a.txt"))).isEqualTo("hello backman\n");
        assertThat(verify.exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(verify.out()).contains("project/a.txt: appears more than once in the archive");
    }
}
