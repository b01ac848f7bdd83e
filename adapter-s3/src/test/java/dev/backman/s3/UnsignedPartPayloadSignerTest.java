package dev.backman.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class UnsignedPartPayloadSignerTest {
    private static final byte[] BODY = "part body".getBytes(UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    private final UnsignedPartPayloadSigner signer = new UnsignedPartPayloadSigner();

    @Test
    void aPartOverHttpIsSignedWithoutHashingItsBodyAndStaysHttp() {
        SdkHttpRequest part = request("http://s3.example:9000/bucket/key?partNumber=2&uploadId=u1");

        SignedRequest signed = signer.sign(signing(part));

        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        assertThat(signed.request().getUri()).isEqualTo(part.getUri());
        assertThat(signed.request().firstMatchingHeader("Host")).hasValue("s3.example:9000");
        assertThat(signed.request().firstMatchingHeader("Authorization")).get().asString().contains("Signature=");
    }

    @Test
    void onTheStandardPortTheSignedHostHasNoPortAsTheJdkSendsIt() {
        SdkHttpRequest part = request("http://s3.example/bucket/key?partNumber=1&uploadId=u1");

        SignedRequest signed = signer.sign(signing(part));

        assertThat(signed.request().firstMatchingHeader("Host")).hasValue("s3.example");
        assertThat(signed.request().protocol()).isEqualTo("http");
        assertThat(signed.request().port()).isEqualTo(80);
    }

    @Test
    void itsSignatureIsTheOneTheSdkGivesTheSameRequestOverHttps() {
        SdkHttpRequest part = request("http://s3.example:9000/bucket/key?partNumber=2&uploadId=u1");
        SdkHttpRequest overHttps = part.toBuilder().protocol("https").build();

        SignedRequest ours = signer.sign(signing(part));
        SignedRequest sdks = AwsV4HttpSigner.create().sign(signing(overHttps));

        assertThat(ours.request().firstMatchingHeader("Authorization"))
                .isEqualTo(sdks.request().firstMatchingHeader("Authorization"));
    }

    @Test
    void otherRequestsOverHttpKeepTheirPayloadHash() throws NoSuchAlgorithmException {
        SdkHttpRequest put = request("http://s3.example:9000/bucket/manifests/b1.json");
        SdkHttpRequest notAPart = request("http://s3.example:9000/bucket/key?uploadId=u1");

        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        assertThat(signer.sign(signing(put)).request().firstMatchingHeader("x-amz-content-sha256")).hasValue(hash);
        assertThat(signer.sign(signing(notAPart)).request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue(hash);
    }

    private static SdkHttpRequest request(String uri) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(URI.create(uri)).build();
    }

    private static SignRequest<AwsCredentialsIdentity> signing(SdkHttpRequest request) {
        return SignRequest.builder(AwsCredentialsIdentity.create("access", "secret"))
                .request(request)
                .payload(() -> new ByteArrayInputStream(BODY))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK)
                .build();
    }
}
