package dev.backman.s3;

import dev.backman.domain.contract.ArchiveStorageContract;
import dev.backman.domain.port.ArchiveStorage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The storage contract against LocalStack's S3 (closer to AWS than S3Proxy); skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackArchiveStorageTest extends ArchiveStorageContract {
    private static final String BUCKET = "backman-contract";

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"));

    private static final AtomicInteger repositories = new AtomicInteger();
    private static S3Client client;
    private S3Location location;

    @BeforeAll
    static void createBucket() {
        // connections and signing as backman's own client has them
        client = S3ClientFactory.onTheWire(S3Client.builder(), S3Settings.defaults())
                .endpointOverride(LOCALSTACK.getEndpoint())
                .forcePathStyle(true)
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected ArchiveStorage newStorage() {
        location = new S3Location(BUCKET, "repo-" + repositories.incrementAndGet());
        return new S3ArchiveStorage(client, location, S3Settings.defaults().withPartSizeBytes(S3Settings.MIN_PART_SIZE));
    }

    @Override
    protected long temporaryObjectCount(ArchiveStorage storage) {
        return client.listMultipartUploads(b -> b.bucket(BUCKET).prefix(location.keyPrefix())).uploads().size();
    }
}
