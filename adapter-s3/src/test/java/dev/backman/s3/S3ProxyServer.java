package dev.backman.s3;

import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * An S3Proxy server with an in-memory blob store, started once per test class on a free port of 127.0.0.1.
 * Register it as a static {@code @RegisterExtension} field.
 */
final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback {
    static final String ACCESS_KEY = "backman-test";
    static final String SECRET_KEY = "backman-test-secret";

    private final AtomicInteger buckets = new AtomicInteger();
    private S3Proxy proxy;
    private URI endpoint;
    private S3Client client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(5);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = newClient(SECRET_KEY);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.close();
        proxy.stop();
    }

    /** The class's shared client with the right credentials; closed with the server. */
    S3Client client() {
        return client;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client as a test or an embedding host would build it; the caller closes it. */
    S3Client newClient(String secretKey, ExecutionInterceptor... interceptors) {
        return newClient(endpoint, secretKey, interceptors);
    }

    /** A client that reaches this server through a relay listening on {@code port} of 127.0.0.1. */
    S3Client newClientVia(int port) {
        return newClient(URI.create("http://127.0.0.1:" + port), SECRET_KEY);
    }

    private static S3Client newClient(URI endpoint, String secretKey, ExecutionInterceptor... interceptors) {
        // connections and signing as backman's own client has them, so that every test sends what it sends
        return S3ClientFactory.onTheWire(S3Client.builder(), S3Settings.defaults())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .executionInterceptors(List.of(interceptors))
                        .build())
                .build();
    }

    S3Client newClient(ExecutionInterceptor... interceptors) {
        return newClient(SECRET_KEY, interceptors);
    }

    /** Creates a bucket whose name no other test of this class uses. */
    String newBucket() {
        String name = "bucket-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(name));
        return name;
    }
}
