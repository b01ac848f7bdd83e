package dev.backman.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * SigV4 as the SDK signs, except that the body of a multipart upload part is never hashed into the signature, over
 * {@code http://} as over {@code https://} (where the SDK already leaves it out).
 *
 * <p>Over plain HTTP the SDK hashes every payload with SHA-256 for the signature, and a server then buffers and hashes
 * each part again before accepting it: a second digest of every archive byte on both sides. A part's body is
 * protected without it: its CRC-32C travels in a signed header that the server checks (a damaged part is refused),
 * and the files inside are checked against the SHA-256 recorded in their manifest by every restore and verify.
 * Manifests and every other request keep their payload signature.
 */
final class UnsignedPartPayloadSigner implements HttpSigner<AwsCredentialsIdentity> {
    private static final String SIGV4 = "aws.auth#sigv4";

    private final AwsV4HttpSigner sigv4 = AwsV4HttpSigner.create();

    /** The SDK's SigV4 scheme with this signer, to replace the client's default one. */
    static AuthScheme<AwsCredentialsIdentity> authScheme() {
        UnsignedPartPayloadSigner signer = new UnsignedPartPayloadSigner();
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return SIGV4;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return signer;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        SdkHttpRequest http = request.request();
        if (!isPart(http) || "https".equals(http.protocol())) {
            return sigv4.sign(request);
        }
        // The SDK signs an unhashed payload only for https requests; the scheme is not part of what is signed, but the
        // Host header is, so it is fixed first as the JDK will send it for the real scheme and port.
        SdkHttpRequest asHttps = http.toBuilder().protocol("https").putHeader("Host", hostHeader(http)).build();
        SignedRequest signed = sigv4.sign(request.copy(b -> b.request(asHttps)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)));
        SdkHttpRequest asSent = signed.request().toBuilder().protocol(http.protocol()).port(http.port()).build();
        return signed.copy(b -> b.request(asSent));
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return sigv4.signAsync(request);
    }

    /** An UploadPart request: a PUT naming both its upload and its part number. */
    private static boolean isPart(SdkHttpRequest http) {
        return http.method() == SdkHttpMethod.PUT
                && http.firstMatchingRawQueryParameter("uploadId").isPresent()
                && http.firstMatchingRawQueryParameter("partNumber").isPresent();
    }

    private static String hostHeader(SdkHttpRequest http) {
        return SdkHttpUtils.isUsingStandardPort(http.protocol(), http.port()) ? http.host()
                : http.host() + ":" + http.port();
    }
}
