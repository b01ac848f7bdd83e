package dev.backman.endtoend;

import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.StagedObject;
import dev.backman.domain.port.StoredObject;
import dev.backman.filesystem.storage.StorageFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Storage on a disk that fills up or fails, for objects whose key starts with a prefix: a write that would take an
 * object past {@code failAtByte} bytes stores the bytes up to it and fails with "No space left on device" (ENOSPC),
 * or the commit fails as a failed fsync does (EIO). Failures are the {@code StorageFailure}s the real local storage
 * throws; everything else goes to the real storage.
 */
final class FullDiskStorage extends ForwardingStorage {
    private final String prefix;
    private final long failAtByte;
    private final boolean failCommit;
    private final StorageFailures failures;
    private final AtomicInteger faults = new AtomicInteger();

    private FullDiskStorage(ArchiveStorage real, String prefix, long failAtByte, boolean failCommit) {
        super(real);
        this.prefix = prefix;
        this.failAtByte = failAtByte;
        this.failCommit = failCommit;
        this.failures = new StorageFailures(real.location());
    }

    /** Writes of objects under {@code prefix} fail once an object would exceed {@code failAtByte} bytes. */
    static FullDiskStorage fillingUpAt(ArchiveStorage real, String prefix, long failAtByte) {
        return new FullDiskStorage(real, prefix, failAtByte, false);
    }

    /** Objects under {@code prefix} are written, but making them durable (fsync) fails. */
    static FullDiskStorage failingFsync(ArchiveStorage real, String prefix) {
        return new FullDiskStorage(real, prefix, Long.MAX_VALUE, true);
    }

    /** How many failures were injected, to prove a test reached its fault. */
    int faults() {
        return faults.get();
    }

    @Override
    public StagedObject stage(String key) {
        StagedObject staged = real.stage(key);
        return key.startsWith(prefix) ? new Failing(key, staged) : staged;
    }

    /** One staged object on the failing disk. */
    private final class Failing implements StagedObject {
        private final String key;
        private final StagedObject staged;
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Failing.this.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                staged.output().flush();
            }

            @Override
            public void close() throws IOException {
                flush(); // as the real storage's stream: archive libraries close it, the object stays committable
            }
        };
        private long written;

        Failing(String key, StagedObject staged) {
            this.key = key;
            this.staged = staged;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        private void write(byte[] bytes, int offset, int length) throws IOException {
            long room = failAtByte - written;
            if (length > room) {
                staged.output().write(bytes, offset, (int) Math.max(0, room));
                written = failAtByte;
                faults.incrementAndGet();
                throw failures.of("cannot write " + key, new FileSystemException(tempName(), null,
                        "No space left on device"));
            }
            staged.output().write(bytes, offset, length);
            written += length;
        }

        @Override
        public long commit() throws IOException {
            if (failCommit) {
                faults.incrementAndGet();
                staged.close(); // as the real storage does when its fsync fails: the temporary file goes
                throw failures.of("cannot write " + key, new FileSystemException(tempName(), null,
                        "Input/output error"));
            }
            return staged.commit();
        }

        @Override
        public void close() {
            staged.close();
        }

        private String tempName() {
            return location() + "/tmp/" + key.substring(key.lastIndexOf('/') + 1) + ".part";
        }
    }
}
