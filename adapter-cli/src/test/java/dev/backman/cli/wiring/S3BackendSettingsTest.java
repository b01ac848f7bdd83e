package dev.backman.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.config.S3Options;
import dev.backman.s3.S3Settings;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The {@code s3:} block of the configuration reaches the adapter's settings whole. */
class S3BackendSettingsTest {

    @Test
    void everyOptionOfTheS3BlockBecomesASetting() {
        S3Settings settings = S3Backend.toSettings(new S3Options("http://127.0.0.1:9000", "eu-central-1", true,
                null, null, 0, 8, 2, 6, 3));

        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.region()).isEqualTo("eu-central-1");
        assertThat(settings.pathStyle()).isTrue();
        assertThat(settings.partSizeBytes()).isEqualTo(8 * S3Settings.MIB);
        assertThat(settings.uploadThreads()).isEqualTo(2);
        assertThat(settings.downloadThreads()).isEqualTo(6);
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void byDefaultAnArchiveIsReadWithOneStreamingGet() {
        assertThat(S3Backend.toSettings(S3Options.defaults()).downloadThreads()).isEqualTo(1);
    }
}
