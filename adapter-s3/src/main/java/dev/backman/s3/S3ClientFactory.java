package dev.backman.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 client of a storage from its settings; credentials come from the SDK's default provider chain. */
final class S3ClientFactory {
    private S3ClientFactory() {
    }

    static S3Client create(S3Settings settings) {
        S3ClientBuilder builder = onTheWire(S3Client.builder(), settings)
                .region(Region.of(settings.region()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        // every upload carries a precomputed CRC32C header, so aws-chunked trailers only cost time
                        .chunkedEncodingEnabled(false)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry -> retry
                                .maxAttempts(settings.maxAttempts())
                                // a part damaged on the wire is rejected by its checksum: sending it again helps
                                .retryOnException(S3Failures::isChecksumMismatch))
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        } else {
            // on AWS a bucket in another region than s3.region is followed instead of failing with a 301
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    /**
     * How requests go on the wire: the connections and the signing. Tests that build their own client (other
     * credentials, interceptors) take these from here, so that they send what backman sends.
     */
    static S3ClientBuilder onTheWire(S3ClientBuilder builder, S3Settings settings) {
        return builder
                // the JDK's HttpURLConnection: no Apache/Netty stack to load for a blocking, few-threads client. Opened
                // here rather than by the SDK so that request bodies reach the socket in large writes.
                .httpClient(UrlConnectionHttpClient.create(uri -> open(uri, settings)))
                // archive parts are guarded by their CRC-32C, not by a second SHA-256 of every byte
                .putAuthScheme(UnsignedPartPayloadSigner.authScheme());
    }

    /**
     * Opens a connection as the SDK's own factory does without proxy settings of its own (the JDK's proxy selector,
     * its default TLS context), with the configured timeouts, and wrapped so that bodies are sent in large writes.
     */
    static HttpURLConnection open(URI uri, S3Settings settings) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(millis(settings.connectTimeout()));
            connection.setReadTimeout(millis(settings.readTimeout()));
            return new LargeWriteConnection(connection);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a connection to " + uri + ": " + e.getMessage(), e);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
