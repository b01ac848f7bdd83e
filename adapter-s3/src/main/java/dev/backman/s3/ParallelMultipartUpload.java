package dev.backman.s3;

import java.io.ByteArrayInputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One S3 multipart upload whose parts are sent on a shared pool, each with a CRC32C the server checks. Nothing is
 * visible under the key until {@link #complete()}; {@link #abort()} discards the parts already stored.
 */
final class ParallelMultipartUpload {
    /** S3 refuses more parts than this. */
    static final int MAX_PARTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ParallelMultipartUpload.class);

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final ExecutorService pool;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private volatile boolean aborted;
    private volatile SdkException failure;

    ParallelMultipartUpload(S3Client client, String bucket, String key, String uploadId, ExecutorService pool) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.pool = pool;
    }

    int partCount() {
        return parts.size();
    }

    /** Sends {@code buffer[0, length)} as the next part; {@code release} runs when the buffer is no longer needed. */
    void send(byte[] buffer, int length, Runnable release) {
        int number = parts.size() + 1;
        parts.add(pool.submit(() -> {
            try {
                if (aborted) {
                    throw new CancellationException("upload aborted");
                }
                return uploadPart(number, buffer, length);
            } catch (RuntimeException e) {
                if (failure == null && !aborted) {
                    failure = asSdkException(e);
                }
                throw e;
            } finally {
                release.run();
            }
        }));
    }

    /** The failure of a part that has already failed, if any; does not wait. */
    SdkException failure() {
        return failure;
    }

    /** Waits for every part, then publishes the object. */
    void complete() throws InterruptedIOException {
        List<CompletedPart> completed = new ArrayList<>(parts.size());
        for (Future<CompletedPart> part : parts) {
            try {
                completed.add(part.get());
            } catch (ExecutionException e) {
                throw asSdkException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for part uploads");
            }
        }
        client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)));
        LOG.debug("completed s3://{}/{} in {} parts", bucket, key, completed.size());
    }

    /** Lets running parts finish (S3 may keep parts that arrive after an abort), then discards the upload. */
    void abort() {
        aborted = true;
        for (Future<CompletedPart> part : parts) {
            try {
                part.get();
            } catch (ExecutionException | CancellationException e) {
                // the part is discarded anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            LOG.debug("aborted upload of s3://{}/{}", bucket, key);
        } catch (NoSuchUploadException e) {
            // already gone
        } catch (SdkException e) {
            // removeLeftovers() retries later; an abandoned upload is invisible meanwhile
            LOG.warn("cannot abort the upload of s3://{}/{}: {}", bucket, key, e.getMessage());
        }
    }

    private CompletedPart uploadPart(int number, byte[] buffer, int length) {
        String crc = Crc32c.base64(buffer, 0, length);
        UploadPartResponse response = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) length)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)
                        .checksumCRC32C(crc),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                        "application/octet-stream"));
        return CompletedPart.builder().partNumber(number).eTag(response.eTag()).checksumCRC32C(crc).build();
    }

    private static SdkException asSdkException(Throwable t) {
        if (t instanceof SdkException sdk) {
            return sdk;
        }
        return SdkException.create("part upload failed: " + t, t);
    }
}
