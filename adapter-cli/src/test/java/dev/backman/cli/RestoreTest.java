package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void backUp() {
        cli = new Cli(dir);
        SourceTree.create(dir.resolve("project"));
        assertThat(cli.run("backup", "project", "--id", "b1").exitCode()).isZero();
    }

    @Test
    void conflictingFileFailsWithExitOneAndNothingIsWritten() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Files.writeString(target.resolve("a.txt"), "local edits\n");

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(restore.err()).contains("a.txt").contains("--overwrite");
        assertThat(Files.readString(target.resolve("a.txt"))).isEqualTo("local edits\n");
        assertThat(target.resolve("sub")).doesNotExist();
    }

    @Test
    void overwriteReplacesConflictingFiles() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Files.writeString(target.resolve("a.txt"), "local edits\n");

        Cli.Result restore = cli.run("restore", "b1", "--target", "out", "--overwrite");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(target)).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    @Test
    void aFileWhereTheBackupHasADirectoryIsAConflictAndStays() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Files.writeString(target.resolve("empty"), "precious\n"); // an empty directory in the backup
        Files.writeString(target.resolve("sub"), "also precious\n"); // a directory with files in the backup

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(restore.err()).contains("empty").contains("sub").contains("--overwrite");
        assertThat(target.resolve("empty")).isRegularFile().hasContent("precious");
        assertThat(target.resolve("sub")).isRegularFile().hasContent("also precious");
        assertThat(target.resolve("a.txt")).doesNotExist();
    }

    @Test
    void overwriteReplacesAFileOrLinkWhereTheBackupHasADirectory() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(target.resolve("empty"), "in the way\n");
        Files.createSymbolicLink(target.resolve("sub"), elsewhere);

        Cli.Result restore = cli.run("restore", "b1", "--target", "out", "--overwrite");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(target)).isEqualTo(SourceTree.read(dir.resolve("project")));
        assertThat(target.resolve("empty")).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(target.resolve("sub"))).isFalse();
        assertThat(elsewhere).isEmptyDirectory();
        try (Stream<Path> names = Files.list(target)) { // nothing set aside is left beside
            assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aFailedOverwriteGivesBackTheFileThatWasWhereTheBackupHasADirectory() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Files.writeString(target.resolve("sub"), "precious\n");
        CraftedArchive.of(dir.resolve("project")).replace("project/sub/deeper/c.bin",
                CraftedArchive.file("project/sub/deeper/c.bin", "damaged")).writeTo(
                dir.resolve("backups/archives/b1.zip"), CompressionType.ZIP);

        Cli.Result restore = cli.run("restore", "b1", "--target", "out", "--overwrite");

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(target.resolve("sub")).isRegularFile().hasContent("precious");
        try (Stream<Path> names = Files.list(target)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("sub");
        }
    }

    @Test
    void aFileWithTheRightContentKeepsItButGetsTheBackupsModeAndMtime() throws IOException {
        Path source = dir.resolve("project/a.txt");
        Path target = Files.createDirectories(dir.resolve("out/project"));
        Path restored = Files.writeString(target.resolve("a.txt"), Files.readString(source)); // as a killed restore
        Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rw-------"));  // leaves it
        Object inode = Files.getAttribute(restored, "unix:ino");

        Cli.Result restore = cli.run("restore", "b1", "--target", "out");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(Files.getAttribute(restored, "unix:ino")).as("not rewritten").isEqualTo(inode);
        assertThat(Files.getLastModifiedTime(restored)).isEqualTo(Files.getLastModifiedTime(source));
        assertThat(Files.getPosixFilePermissions(restored)).isEqualTo(Files.getPosixFilePermissions(source));
        assertThat(SourceTree.read(target)).isEqualTo(SourceTree.read(dir.resolve("project")));
    }

    @Test
    void includeRestoresOnlyMatchingEntries() {
        Cli.Result restore = cli.run("restore", "b1", "--target", "out", "--include", "project/sub/**");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(dir.resolve("out/project/sub/b.txt")).exists();
        assertThat(dir.resolve("out/project/a.txt")).doesNotExist();
    }

    @Test
    void dryRunListsEntriesAndWritesNothing() {
        Cli.Result restore = cli.run("--json", "restore", "b1", "--target", "out", "--dry-run");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.json().get("dry_run").asBoolean()).isTrue();
        assertThat(restore.json().get("planned_paths").toString()).contains("a.txt");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
