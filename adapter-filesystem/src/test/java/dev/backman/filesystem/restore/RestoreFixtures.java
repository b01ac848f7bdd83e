package dev.backman.filesystem.restore;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Manifest entries and streams for restore tests. */
final class RestoreFixtures {
    static final Instant MTIME = Instant.parse("2023-03-04T05:06:07Z");

    private RestoreFixtures() {
    }

    static FileEntry file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new FileEntry(path, EntryType.FILE, bytes.length, 0644, MTIME, sha256(bytes), null, "b1");
    }

    static FileEntry file(String path, String content, int mode, Instant mtime) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new FileEntry(path, EntryType.FILE, bytes.length, mode, mtime, sha256(bytes), null, "b1");
    }

    static FileEntry directory(String path, int mode, Instant mtime) {
        return new FileEntry(path, EntryType.DIR, 0, mode, mtime, null, null, null);
    }

    static FileEntry symlink(String path, String target) {
        return new FileEntry(path, EntryType.SYMLINK, 0, 0777, MTIME, null, target, null);
    }

    static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes a reader takes, to prove a stream was cut short. */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    /** An endless stream of one byte value. */
    static final class RepeatingInputStream extends InputStream {
        private long remaining;

        RepeatingInputStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            remaining -= n;
            return n;
        }
    }
}
