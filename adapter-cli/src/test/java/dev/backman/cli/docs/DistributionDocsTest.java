package dev.backman.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.BuildInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionDocsTest {
    @TempDir
    Path dir;

    @Test
    void writesTheManPageAndBothCompletionScripts() throws IOException {
        new DistributionDocs(ManPageTest.model(), build()).writeTo(dir);

        assertThat(dir.resolve("man/man1/backman.1")).content()
                .startsWith(".\\\" Generated from the picocli command model").contains(".TH BACKMAN 1");
        assertThat(dir.resolve("completion/backman.bash")).content().contains("complete -F _complete_backman");
        assertThat(dir.resolve("completion/_backman")).content().startsWith("#compdef backman\n");
    }

    @Test
    void leavesFilesWhoseContentIsRightUntouched() throws IOException {
        DistributionDocs docs = new DistributionDocs(ManPageTest.model(), build());
        docs.writeTo(dir);
        Path page = dir.resolve("man/man1/backman.1");
        Path bash = dir.resolve("completion/backman.bash");
        Files.setLastModifiedTime(page, FileTime.fromMillis(0));
        Files.writeString(bash, "stale");
        Files.setLastModifiedTime(bash, FileTime.fromMillis(0));

        docs.writeTo(dir);

        assertThat(Files.getLastModifiedTime(page).toMillis()).isZero();
        assertThat(bash).content().contains("complete -F _complete_backman");
    }

    private static BuildInfo build() {
        return new BuildInfo("1.2.3", "3ba3bfa", false, Optional.of("2026-11-29"));
    }
}
