package dev.backman.s3;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ObjectInfo;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Archive storage under an S3 prefix ({@code s3://bucket/prefix}), on AWS or any S3-compatible service. Objects are
 * written by streaming multipart uploads whose parts carry a CRC32C checksum; nothing is visible before commit, and
 * abandoned uploads are aborted (or, after a crash, by {@link #removeLeftovers()}). With
 * {@link S3Settings#downloadThreads()} above 1, a large object read from start to end is fetched by parallel ranged
 * GETs, each pinned to the object's ETag. Thread-safe.
 */
public final class S3ArchiveStorage implements ArchiveStorage {
    private static final Logger LOG = LoggerFactory.getLogger(S3ArchiveStorage.class);

    private final S3Client client;
    private final boolean ownsClient;
    private final S3Location location;
    private final S3Settings settings;
    private final S3Failures failures;
    private final WritePolicy writePolicy;
    private final ExecutorService uploadPool;
    private final ExecutorService downloadPool;
    private final AtomicLong partBuffersAllocated = new AtomicLong();
    private volatile boolean bucketChecked;

    /**
     * A storage with its own S3 client built from {@code settings}, with credentials from the AWS SDK's default
     * provider chain (environment variables, system properties, {@code ~/.aws} profiles, container and instance
     * roles). {@link #close()} closes the client.
     *
     * @param location the bucket and prefix of the repository
     * @param settings how to talk to S3
     */
    public S3ArchiveStorage(S3Location location, S3Settings settings) {
        this(S3ClientFactory.create(settings), true, location, settings);
    }

    /**
     * A storage over a client the caller built and keeps owning (tests, hosts with their own credentials or HTTP
     * setup); {@link #close()} does not close it. The client's configuration wins over the endpoint, region, path
     * style, timeouts and attempts of {@code settings}; the rest (part size, threads, storage class, object lock,
     * read-ahead, download threads) applies.
     *
     * @param client   the client to use
     * @param location the bucket and prefix of the repository
     * @param settings part size, threads, storage class, object lock, read-ahead and download threads
     */
    public S3ArchiveStorage(S3Client client, S3Location location, S3Settings settings) {
        this(client, false, location, settings);
    }

    private S3ArchiveStorage(S3Client client, boolean ownsClient, S3Location location, S3Settings settings) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.location = location;
        this.settings = settings;
        this.failures = new S3Failures(location, endpointOf(client), client.serviceClientConfiguration().region().id());
        this.writePolicy = new WritePolicy(location, settings, Clock.systemUTC());
        this.uploadPool = TransferPool.create("backman-s3-upload", settings.uploadThreads());
        this.downloadPool = TransferPool.create("backman-s3-download", settings.downloadThreads());
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public StagedObject stage(String key) {
        location.objectKey(key); // rejects a malformed key now rather than at commit
        PartBuffers buffers = new PartBuffers(settings.partSizeBytes(), settings.uploadThreads() + 1,
                partBuffersAllocated);
        return new S3StagedObject(key, client, writePolicy, buffers, uploadPool, failures);
    }

    @Override
    public Optional<StoredObject> find(String key) {
        String objectKey = location.objectKey(key);
        HeadObjectResponse head;
        try {
            head = client.headObject(b -> b.bucket(location.bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            requireBucket("cannot read " + key); // HEAD answers a bare 404 for a missing bucket too
            return Optional.empty();
        } catch (SdkException e) {
            throw failures.of("cannot read " + key, e);
        }
        return Optional.of(new S3StoredObject(key, head.contentLength(), location.bucket(), objectKey, head.eTag(),
                client, failures, new S3StoredObject.Reads(settings.readAheadBytes(), S3Settings.DOWNLOAD_RANGE_SIZE,
                        settings.downloadThreads(), downloadPool)));
    }

    /** One GET; unlike HEAD's bare 404, its error names a missing bucket, so no second request tells them apart. */
    @Override
    public Optional<byte[]> read(String key) {
        String objectKey = location.objectKey(key);
        try {
            return Optional.of(client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(objectKey))
                    .asByteArrayUnsafe());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failures.of("cannot read " + key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        String keyPrefix = location.keyPrefix();
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(location.bucket())
                    .prefix(keyPrefix + prefix)).contents()) {
                String key = object.key().substring(keyPrefix.length());
                if (!key.isEmpty() && !key.endsWith("/")) { // "folder" markers made by consoles are not objects
                    objects.add(new ObjectInfo(key, object.size()));
                }
            }
        } catch (SdkException e) {
            throw failures.of("cannot list '" + prefix + "'", e);
        }
        objects.sort(Comparator.comparing(ObjectInfo::key)); // S3 sorts by UTF-8 bytes, Java by UTF-16 units
        return objects;
    }

    @Override
    public void delete(String key) {
        try {
            if (writePolicy.locksObjects()) {
                new LockAwareDeletion(client, location, failures).delete(key);
            } else {
                client.deleteObject(b -> b.bucket(location.bucket()).key(location.objectKey(key)));
            }
        } catch (SdkException e) {
            throw failures.of("cannot delete " + key, e);
        }
    }

    @Override
    public void removeLeftovers() {
        int aborted = 0;
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(b -> b.bucket(location.bucket())
                    .prefix(location.keyPrefix())).uploads()) {
                try {
                    client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(upload.key())
                            .uploadId(upload.uploadId()));
                    aborted++;
                } catch (NoSuchUploadException e) {
                    // finished or aborted meanwhile
                }
            }
        } catch (SdkException e) {
            throw failures.of("cannot remove unfinished uploads", e);
        }
        LOG.debug("aborted {} unfinished uploads under {}", aborted, location);
    }

    @Override
    public void close() {
        uploadPool.shutdown();
        downloadPool.shutdown();
        if (ownsClient) {
            client.close();
        }
    }

    /** Part buffers created so far by this storage's uploads (tests check the memory bound with it). */
    long partBuffersAllocated() {
        return partBuffersAllocated.get();
    }

    private void requireBucket(String action) {
        if (bucketChecked) {
            return;
        }
        try {
            client.headBucket(b -> b.bucket(location.bucket()));
            bucketChecked = true;
        } catch (SdkException e) {
            throw failures.of(action, e);
        }
    }

    private static String endpointOf(S3Client client) {
        var configuration = client.serviceClientConfiguration();
        return configuration.endpointOverride().map(Object::toString)
                .orElse("https://s3." + configuration.region().id() + ".amazonaws.com");
    }
}
