package dev.backman.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RepositoryLocationTest {
    private final Path base = Path.of("/srv/project");

    @Test
    void plainPathIsAFileLocationResolvedAgainstTheBase() {
        RepositoryLocation location = RepositoryLocation.parse("../backups", base, "k");

        assertThat(location.scheme()).isEqualTo("file");
        assertThat(location.localPath()).isEqualTo(Path.of("/srv/backups"));
    }

    @Test
    void fileUriIsALocalPath() {
        assertThat(RepositoryLocation.parse("file:///var/backups", base, "k").localPath())
                .isEqualTo(Path.of("/var/backups"));
    }

    @Test
    void otherSchemesAreKeptWithTheirSchemeLowerCased() {
        RepositoryLocation location = RepositoryLocation.parse("S3://bucket/prefix", base, "k");

        assertThat(location.scheme()).isEqualTo("s3");
        assertThat(location.value()).isEqualTo("S3://bucket/prefix");
    }
}
