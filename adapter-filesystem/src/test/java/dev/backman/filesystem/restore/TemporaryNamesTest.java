package dev.backman.filesystem.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryNamesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkWhereNothingIsIsMadeAtItsDestinationInOneStep() throws IOException {
        Path made = TemporaryNames.createSymlinkAtDestinationOrTemporary(dir, "link", Path.of("target.txt"));

        // no hidden temporary ever exists: a restore killed here leaves the link or nothing
        assertThat(made).isEqualTo(dir.resolve("link"));
        assertThat(Files.readSymbolicLink(made)).isEqualTo(Path.of("target.txt"));
        try (var names = Files.list(dir)) {
            assertThat(names).containsExactly(dir.resolve("link"));
        }
    }

    @Test
    void aLinkWhereSomethingIsIsMadeBesideItAndWhatIsThereIsLeftAlone() throws IOException {
        Files.writeString(dir.resolve("link"), "in the way");

        Path made = TemporaryNames.createSymlinkAtDestinationOrTemporary(dir, "link", Path.of("target.txt"));

        assertThat(made.getParent()).isEqualTo(dir);
        assertThat(made.getFileName().toString()).startsWith(".link.backman-").endsWith(".tmp");
        assertThat(Files.readSymbolicLink(made)).isEqualTo(Path.of("target.txt"));
        assertThat(dir.resolve("link")).hasContent("in the way");
    }
}
