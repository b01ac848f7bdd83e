package dev.backman.s3;

import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A committed S3 object as found by HeadObject. Reads are pinned to the ETag seen then, so an object replaced
 * meanwhile fails the read instead of mixing two versions. With more than one download thread, a stream over an
 * object larger than one range is fetched by parallel ranged GETs ({@link ParallelRangeStream}); otherwise, and for
 * smaller objects, by a single GET.
 */
final class S3StoredObject implements StoredObject {
    private static final int BODY_ATTEMPTS = 3;

    private final String key;
    private final long size;
    private final String bucket;
    private final String objectKey;
    private final String eTag;
    private final S3Client client;
    private final S3Failures failures;
    private final Reads reads;

    /**
     * How reads fetch: {@code readAhead} bytes per GET for random reads; {@code rangeSize} bytes per GET and
     * {@code parallelism} GETs at once on {@code pool} for reads from start to end of objects larger than one range.
     */
    record Reads(int readAhead, int rangeSize, int parallelism, ExecutorService pool) {
    }

    S3StoredObject(String key, long size, String bucket, String objectKey, String eTag, S3Client client,
            S3Failures failures, Reads reads) {
        this.key = key;
        this.size = size;
        this.bucket = bucket;
        this.objectKey = objectKey;
        this.eTag = eTag;
        this.client = client;
        this.failures = failures;
        this.reads = reads;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream openStream() {
        if (reads.parallelism() > 1 && size > reads.rangeSize()) {
            return new ParallelRangeStream(size, reads.rangeSize(), reads.parallelism(), this::readRange,
                    reads.pool());
        }
        try {
            return client.getObject(b -> b.bucket(bucket).key(objectKey).ifMatch(eTag));
        } catch (SdkException e) {
            throw failures.of("cannot read " + key, e);
        }
    }

    @Override
    public SeekableByteChannel openChannel() {
        return new RangedGetChannel(size, reads.readAhead(), this::readRange);
    }

    /** Reads exactly {@code length} bytes from {@code start} with a ranged GET, again if the body breaks off. */
    private void readRange(long start, byte[] into, int length) throws IOException {
        String range = "bytes=" + start + "-" + (start + length - 1);
        for (int attempt = 1; ; attempt++) {
            // the SDK retries failed requests, but not a response body that breaks off while being read
            try (InputStream in = client.getObject(b -> b.bucket(bucket).key(objectKey).ifMatch(eTag).range(range))) {
                int read = in.readNBytes(into, 0, length);
                if (read != length) {
                    throw new IOException("got " + read + " of " + length + " bytes at " + start);
                }
                return;
            } catch (SdkException e) {
                throw failures.of("cannot read " + key, e);
            } catch (IOException e) {
                if (attempt == BODY_ATTEMPTS) {
                    throw new IOException("cannot read " + key + " from " + failures.location() + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }
}
