package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.RepositoryDescriptor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackmanVersionTest {
    @TempDir
    Path dir;

    @Test
    void versionPrintsTheBuildTheRepositoryFormatsAndTheJavaRuntime() {
        Cli.Result result = new Cli(dir).run("--version");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("backman ").contains("(commit ");
        assertThat(lines[1]).isEqualTo("repository format " + RepositoryDescriptor.CURRENT_FORMAT + " (reads "
                + RepositoryDescriptor.OLDEST_FORMAT + ".." + RepositoryDescriptor.CURRENT_FORMAT + ")");
        assertThat(lines[2]).startsWith("Java " + Runtime.version() + " (")
                .contains(System.getProperty("java.home"));
    }

    @Test
    void theBuildLineNamesVersionCommitAndBuildDay() {
        Properties written = new Properties();
        written.setProperty("git.build.version", "1.2.3");
        written.setProperty("git.commit.id.abbrev", "3ba3bfa");
        written.setProperty("git.dirty", "false");
        written.setProperty("git.build.time", "2026-11-29");

        BuildInfo build = BuildInfo.from(written, "9.9.9");

        assertThat(build).isEqualTo(new BuildInfo("1.2.3", "3ba3bfa", false, Optional.of("2026-11-29")));
        assertThat(build.describe()).isEqualTo("1.2.3 (commit 3ba3bfa, built 2026-11-29)");
    }

    @Test
    void aBuildOfAModifiedTreeSaysSo() {
        Properties written = new Properties();
        written.setProperty("git.build.version", "1.2.3");
        written.setProperty("git.commit.id.abbrev", "3ba3bfa");
        written.setProperty("git.dirty", "true");

        assertThat(BuildInfo.from(written, null).describe()).isEqualTo("1.2.3 (commit 3ba3bfa+changes)");
    }

    @Test
    void aBuildOutsideAGitCheckoutHasTheManifestVersionAndAnUnknownCommit() {
        assertThat(BuildInfo.from(new Properties(), "0.4.0").describe()).isEqualTo("0.4.0 (commit unknown)");
        assertThat(BuildInfo.from(new Properties(), null).version()).isEqualTo("(development build)");
    }
}
