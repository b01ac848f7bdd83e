package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

class WritePolicyTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
    private static final S3Location LOCATION = S3Location.parse("s3://backups/team");

    @Test
    void storageClassIsForArchivesOnly() {
        WritePolicy policy = new WritePolicy(LOCATION, S3Settings.defaults().withStorageClass("DEEP_ARCHIVE"), NOW);

        assertThat(policy.storageClass("archives/b1.tar.zst")).isEqualTo(StorageClass.DEEP_ARCHIVE);
        assertThat(policy.createUpload("archives/b1.tar.zst").storageClass()).isEqualTo(StorageClass.DEEP_ARCHIVE);
        assertThat(policy.storageClass("manifests/b1.json")).isEqualTo(StorageClass.STANDARD);
        assertThat(policy.storageClass("backman.repo.json")).isEqualTo(StorageClass.STANDARD);
        assertThat(policy.storageClass("archives-old/b1.zip")).isEqualTo(StorageClass.STANDARD);
    }

    @Test
    void withoutAStorageClassTheBucketDefaultApplies() {
        WritePolicy policy = new WritePolicy(LOCATION, S3Settings.defaults(), NOW);

        assertThat(policy.put("archives/b1.zip", 1, "AAAAAA==").storageClass()).isNull();
    }

    @Test
    void objectLockRetentionCountsFromTheWrite() {
        WritePolicy policy = new WritePolicy(LOCATION,
                S3Settings.defaults().withObjectLock(S3ObjectLock.of("GOVERNANCE", 10)), NOW);

        PutObjectRequest put = policy.put("manifests/b1.json", 2, "AAAAAA==");
        assertThat(put.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(put.objectLockRetainUntilDate()).isEqualTo(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(policy.createUpload("archives/b1.zip").objectLockRetainUntilDate())
                .isEqualTo(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(policy.locksObjects()).isTrue();
    }

    @Test
    void everyWriteCarriesACrc32cAndTheFullKey() {
        WritePolicy policy = new WritePolicy(LOCATION, S3Settings.defaults(), NOW);

        PutObjectRequest put = policy.put("manifests/b1.json", 2, "AAAAAA==");
        assertThat(put.key()).isEqualTo("team/manifests/b1.json");
        assertThat(put.bucket()).isEqualTo("backups");
        assertThat(put.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32_C);
        assertThat(put.checksumCRC32C()).isEqualTo("AAAAAA==");
        assertThat(policy.createUpload("archives/b1.zip").checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32_C);
    }
}
