package dev.backman.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {

    @Test
    void parsesBucketAndPrefixIgnoringOuterSlashes() {
        assertThat(S3Location.parse("s3://backups/team/app/")).isEqualTo(new S3Location("backups", "team/app"));
        assertThat(S3Location.parse("S3://backups")).isEqualTo(new S3Location("backups", ""));
        assertThat(S3Location.parse("s3://backups/")).isEqualTo(new S3Location("backups", ""));
    }

    @Test
    void objectKeysFollowThePrefix() {
        assertThat(S3Location.parse("s3://backups/team/app").objectKey("archives/b1.zip"))
                .isEqualTo("team/app/archives/b1.zip");
        assertThat(S3Location.parse("s3://backups").objectKey("backman.repo.json")).isEqualTo("backman.repo.json");
        assertThat(S3Location.parse("s3://backups/x").keyPrefix()).isEqualTo("x/");
        assertThatIllegalArgumentException().isThrownBy(() -> S3Location.parse("s3://backups/x").objectKey("/a"));
    }

    @Test
    void printsAsTheLocationAUserWrites() {
        assertThat(S3Location.parse("s3://backups/team/").toString()).isEqualTo("s3://backups/team");
        assertThat(S3Location.parse("s3://backups").toString()).isEqualTo("s3://backups");
    }

    @Test
    void recognisesS3Locations() {
        assertThat(S3Location.isS3("s3://b/p")).isTrue();
        assertThat(S3Location.isS3("./backups")).isFalse();
        assertThat(S3Location.isS3(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/backups", "s3://", "s3://a", "s3://bad bucket/x", "s3://-bucket/x",
            "s3://bucket/a//b", "s3://bucket/a/../b", "s3://b..c/x"})
    void invalidLocationsNameTheConfigurationKey(String location) {
        assertThatThrownBy(() -> S3Location.parse(location, "offsite[0].location"))
                .isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
                    assertThat(e.key()).isEqualTo("offsite[0].location");
                    assertThat(e.problem()).isNotBlank();
                });
    }
}
