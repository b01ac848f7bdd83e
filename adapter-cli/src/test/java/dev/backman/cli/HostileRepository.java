package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real repository made by the command line (backup {@code b1} of {@link SourceTree} in one format), whose archive
 * or manifest a test then replaces, with an empty sentinel directory beside the restore target that must stay
 * empty whatever the repository holds.
 */
record HostileRepository(Path dir, Cli cli, Path source, Path sentinel, Path target, Path archive,
                         ManifestFile manifest) {

    static HostileRepository backUp(Path dir, CompressionType type) throws IOException {
        return backUp(dir, type, source -> { });
    }

    /** As {@link #backUp(Path, CompressionType)}, with what {@code more} adds to the source before the backup. */
    static HostileRepository backUp(Path dir, CompressionType type, SourceAddition more) throws IOException {
        Cli cli = new Cli(dir);
        Path source = SourceTree.create(dir.resolve("project"));
        more.addTo(source);
        Path sentinel = Files.createDirectories(dir.resolve("sentinel"));
        Cli.Result backup = cli.run("backup", "project", "--id", "b1", "--format", type.extension());
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        return new HostileRepository(dir, cli, source, sentinel, dir.resolve("out"),
                dir.resolve("backups/archives/b1." + type.extension()), new ManifestFile(dir.resolve("backups"), "b1"));
    }

    /** The sentinel is empty, the target holds no file, and no file appeared anywhere but in the source and repo. */
    void assertNothingEscapedAndNoFileWasRestored() throws IOException {
        assertThat(sentinel).isEmptyDirectory();
        assertThat(regularFilesBelow(target)).isEmpty();
        assertThat(regularFilesBelow(dir)).allMatch(p -> p.startsWith(dir.resolve("project"))
                || p.startsWith(dir.resolve("backups")));
    }

    private static List<Path> regularFilesBelow(Path root) throws IOException {
        if (!Files.exists(root)) {
            return Collections.emptyList();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(Path::normalize).toList();
        }
    }

    /** Files a test adds to the source tree. */
    interface SourceAddition {
        void addTo(Path source) throws IOException;
    }
}
