package dev.backman.s3;

import dev.backman.domain.error.StorageFailure;
import dev.backman.domain.port.StagedObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * An object being written to S3. Bytes fill a part buffer; each full part goes to a multipart upload started with
 * the first one, so an object of any size needs at most {@code uploadThreads + 1} buffers. An object smaller than
 * one part is sent by a single PutObject on commit. Until commit nothing is visible under the key.
 */
final class S3StagedObject implements StagedObject {
    private static final int FIRST_BUFFER = 64 * 1024;

    private final String key;
    private final S3Client client;
    private final WritePolicy policy;
    private final PartBuffers buffers;
    private final ExecutorService pool;
    private final S3Failures failures;
    private final OutputStream output = new PartOutput();
    private byte[] current;
    private int filled;
    private long size;
    private ParallelMultipartUpload upload;
    private boolean finished;
    private boolean committed;

    S3StagedObject(String key, S3Client client, WritePolicy policy, PartBuffers buffers, ExecutorService pool,
            S3Failures failures) {
        this.key = key;
        this.client = client;
        this.policy = policy;
        this.buffers = buffers;
        this.pool = pool;
        this.failures = failures;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public long commit() throws IOException {
        requireWritable();
        finished = true;
        try {
            if (upload == null) {
                putWhole();
            } else {
                if (filled > 0) {
                    sendCurrentPart();
                }
                upload.complete();
            }
        } catch (SdkException e) {
            throw failures.of("cannot write " + key, e);
        } finally {
            releaseCurrent();
        }
        committed = true;
        return size;
    }

    @Override
    public void close() {
        finished = true;
        releaseCurrent();
        if (!committed && upload != null) {
            ParallelMultipartUpload abandoned = upload;
            upload = null;
            abandoned.abort();
        }
    }

    private void putWhole() {
        byte[] bytes = current == null ? new byte[0] : current;
        int length = filled;
        client.putObject(policy.put(key, length, Crc32c.base64(bytes, 0, length)),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                        "application/octet-stream"));
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        requireWritable();
        while (length > 0) {
            if (current == null) {
                current = buffers.take(Math.max(FIRST_BUFFER, length));
            } else if (filled == buffers.partSize()) {
                sendCurrentPart(); // only now: an object of exactly one part stays a single PutObject
                current = buffers.take(buffers.partSize());
            } else if (filled == current.length) {
                current = Arrays.copyOf(current, (int) Math.min(buffers.partSize(), 2L * current.length));
            }
            int n = Math.min(length, current.length - filled);
            System.arraycopy(bytes, offset, current, filled, n);
            filled += n;
            size += n;
            offset += n;
            length -= n;
        }
    }

    private void sendCurrentPart() {
        if (upload == null) {
            upload = startUpload();
        }
        SdkException failed = upload.failure();
        if (failed != null) {
            throw failures.of("cannot write " + key, failed);
        }
        if (upload.partCount() == ParallelMultipartUpload.MAX_PARTS) {
            throw new StorageFailure(failures.location(), "cannot write " + key + ": larger than "
                    + ParallelMultipartUpload.MAX_PARTS + " parts of " + buffers.partSize()
                    + " bytes (raise s3.part_size_bytes)", false, null);
        }
        byte[] part = current;
        current = null;
        int length = filled;
        filled = 0;
        upload.send(part, length, () -> buffers.give(part));
    }

    private ParallelMultipartUpload startUpload() {
        try {
            CreateMultipartUploadRequest request = policy.createUpload(key);
            String uploadId = client.createMultipartUpload(request).uploadId();
            return new ParallelMultipartUpload(client, request.bucket(), request.key(), uploadId, pool);
        } catch (SdkException e) {
            throw failures.of("cannot write " + key, e);
        }
    }

    private void releaseCurrent() {
        if (current != null) {
            byte[] buffer = current;
            current = null;
            buffers.give(buffer);
        }
    }

    private void requireWritable() throws IOException {
        if (finished) {
            throw new IOException(key + " is already " + (committed ? "committed" : "closed"));
        }
    }

    /** The stream the port hands out; closing it is a no-op, as commit or close end the object. */
    private final class PartOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            if (!finished && current != null && filled < current.length) {
                current[filled++] = (byte) b; // the common case without a one-byte array
                size++;
            } else {
                S3StagedObject.this.write(new byte[] {(byte) b}, 0, 1);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            S3StagedObject.this.write(bytes, offset, length);
        }
    }
}
