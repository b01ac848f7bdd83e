package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
    private static final S3Settings DEFAULTS = S3Settings.defaults();

    @Test
    void defaultsSuitAwsWithBoundedMemory() {
        assertThat(DEFAULTS.endpoint()).isNull();
        assertThat(DEFAULTS.region()).isEqualTo("us-east-1");
        assertThat(DEFAULTS.pathStyle()).isFalse();
        assertThat(DEFAULTS.storageClass()).isNull();
        assertThat(DEFAULTS.objectLock()).isNull();
        assertThat(DEFAULTS.partSizeBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(DEFAULTS.uploadThreads()).isEqualTo(4);
        assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(DEFAULTS.maxAttempts()).isEqualTo(5);
        assertThat(DEFAULTS.readAheadBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(DEFAULTS.downloadThreads()).as("one streaming GET").isEqualTo(1);
    }

    @Test
    void withersChangeOneValue() {
        S3Settings changed = DEFAULTS.withEndpoint(URI.create("http://minio:9000")).withPathStyle(true)
                .withRegion("eu-west-3").withStorageClass(" glacier_ir ").withUploadThreads(2).withDownloadThreads(8);

        assertThat(changed.endpoint()).hasToString("http://minio:9000");
        assertThat(changed.pathStyle()).isTrue();
        assertThat(changed.region()).isEqualTo("eu-west-3");
        assertThat(changed.storageClass()).as("normalised").isEqualTo("GLACIER_IR");
        assertThat(changed.uploadThreads()).isEqualTo(2);
        assertThat(changed.downloadThreads()).isEqualTo(8);
        assertThat(changed.partSizeBytes()).isEqualTo(DEFAULTS.partSizeBytes());
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertInvalid("s3.endpoint", () -> DEFAULTS.withEndpoint(URI.create("ftp://host")));
        assertInvalid("s3.endpoint", () -> DEFAULTS.withEndpoint(URI.create("minio:9000")));
        assertInvalid("s3.region", () -> DEFAULTS.withRegion(" "));
        assertInvalid("s3.storage_class", () -> DEFAULTS.withStorageClass("FAST"));
        assertInvalid("s3.part_size_bytes", () -> DEFAULTS.withPartSizeBytes(5 * 1024 * 1024 - 1));
        assertInvalid("s3.upload_threads", () -> DEFAULTS.withUploadThreads(0));
        assertInvalid("s3.connect_timeout", () -> DEFAULTS.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertInvalid("s3.read_timeout", () -> DEFAULTS.withTimeouts(Duration.ofSeconds(1), null));
        assertInvalid("s3.max_attempts", () -> DEFAULTS.withMaxAttempts(0));
        assertInvalid("s3.read_ahead_bytes", () -> DEFAULTS.withReadAheadBytes(100));
        assertInvalid("s3.download_threads", () -> DEFAULTS.withDownloadThreads(0));
        assertInvalid("s3.download_threads", () -> DEFAULTS.withDownloadThreads(65));
    }

    @Test
    void objectLockNeedsAModeAndPositiveDays() {
        assertThat(S3ObjectLock.of("governance", 7)).isEqualTo(new S3ObjectLock(S3ObjectLock.Mode.GOVERNANCE, 7));
        assertInvalid("s3.object_lock.mode", () -> S3ObjectLock.of("forever", 7));
        assertInvalid("s3.object_lock.mode", () -> S3ObjectLock.of(null, 7));
        assertInvalid("s3.object_lock.days", () -> S3ObjectLock.of("COMPLIANCE", 0));
    }

    private static void assertInvalid(String key, Supplier<?> construction) {
        assertThatThrownBy(construction::get).isInstanceOfSatisfying(InvalidConfiguration.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }
}
