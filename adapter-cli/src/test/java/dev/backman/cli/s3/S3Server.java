package dev.backman.cli.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3Proxy server (in-memory blob store) on a free port of 127.0.0.1, started once per test class; register it as
 * a static {@code @RegisterExtension} field. While it runs, the AWS SDK's default credential chain finds its
 * credentials in the system properties (as a user's environment would provide them), and backman's per-user data
 * directory ({@code backman.data.dir}) is a temporary directory, so tests never touch the real home directory.
 * {@link #stop()} and {@link #start()} take the server down and bring it back on the same port with the same data.
 */
public final class S3Server implements BeforeAllCallback, AfterAllCallback {
    static final String ACCESS_KEY = "backman-cli-test";
    static final String SECRET_KEY = "backman-cli-test-secret";
    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
            "aws.disableEc2Metadata", "backman.data.dir");

    private final AtomicInteger buckets = new AtomicInteger();
    private final Properties saved = new Properties();
    private BlobStore blobStore;
    private S3Proxy proxy;
    private int port;
    private S3Client client;
    private Path dataDir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String name : PROPERTIES) {
            if (System.getProperty(name) != null) {
                saved.setProperty(name, System.getProperty(name));
            }
        }
        dataDir = Files.createTempDirectory("backman-data");
        System.setProperty("backman.data.dir", dataDir.toString());
        useCredentials(SECRET_KEY);
        System.setProperty("aws.disableEc2Metadata", "true"); // never ask an instance metadata service
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        blobStore = BlobStores.create("transient", properties);
        start();
        client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false).build())
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.close();
        stop();
        for (String name : PROPERTIES) {
            if (saved.getProperty(name) != null) {
                System.setProperty(name, saved.getProperty(name));
            } else {
                System.clearProperty(name);
            }
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Starts the server: on a free port the first time, on the same port (and with the same data) after. */
    public void start() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState())) {
                throw new IllegalStateException("S3Proxy did not start on port " + port);
            }
            Thread.sleep(5);
        }
        port = proxy.getPort();
    }

    /** Takes the server down; requests fail to connect until {@link #start()}. */
    public void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
            proxy = null;
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The per-user data directory backman uses in these tests. */
    public Path dataDir() {
        return dataDir;
    }

    /** Puts these credentials where the SDK's default chain looks first (system properties). */
    public void useCredentials(String secretKey) {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", secretKey);
    }

    /** A client with the right credentials, for checking what backman stored. */
    public S3Client client() {
        return client;
    }

    /** Creates a bucket no other test of the class uses. */
    public String newBucket() {
        String name = "bucket-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(name));
        return name;
    }

    /** The keys under {@code prefix} in {@code bucket}. */
    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    /** The {@code s3:} block of a configuration pointing at this server (through {@code port}). */
    public String s3Block(int port) {
        return "s3: {endpoint: \"http://127.0.0.1:" + port + "\", path_style: true, part_size_mb: 5}\n";
    }

    /** The {@code s3:} block of a configuration pointing at this server. */
    public String s3Block() {
        return s3Block(port);
    }

    /** A configuration backing up {@code project} into {@code s3://bucket/repo}, reached through {@code port}. */
    public String repositoryConfig(String bucket, int port) {
        return "source_paths: [project]\nbackup_location: s3://" + bucket + "/repo\n" + s3Block(port);
    }

    /** A configuration backing up {@code project} into {@code s3://bucket/repo} on this server. */
    public String repositoryConfig(String bucket) {
        return repositoryConfig(bucket, port);
    }
}
