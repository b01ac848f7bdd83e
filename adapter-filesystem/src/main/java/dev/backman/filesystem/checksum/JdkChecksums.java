package dev.backman.filesystem.checksum;

import dev.backman.domain.port.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 with the JDK's {@link MessageDigest} (SHA-NI accelerated where the CPU has it), read through a 256 KiB
 * buffer. Thread-safe: each thread reuses its own buffer and digest, so hashing many small files allocates nothing.
 */
public final class JdkChecksums implements Checksums {
    static final int BUFFER_SIZE = 256 * 1024;

    private final ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(Hasher::new);

    @Override
    public String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    @Override
    public String sha256(InputStream in) throws IOException {
        Hasher hasher = hashers.get();
        MessageDigest digest = hasher.digest;
        digest.reset(); // a previous call on this thread may have failed half-way
        byte[] buffer = hasher.buffer;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public String sha256OfEnds(Path file, int edgeBytes) throws IOException {
        if (edgeBytes < 1 || edgeBytes > BUFFER_SIZE / 2) {
            throw new IllegalArgumentException("edgeBytes must be 1 to " + BUFFER_SIZE / 2 + ", not " + edgeBytes);
        }
        Hasher hasher = hashers.get();
        MessageDigest digest = hasher.digest;
        digest.reset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= 2L * edgeBytes) {
                digest.update(hasher.buffer, 0, readFully(channel, 0, hasher.buffer, (int) size));
            } else {
                digest.update(hasher.buffer, 0, readFully(channel, 0, hasher.buffer, edgeBytes));
                digest.update(hasher.buffer, 0, readFully(channel, size - edgeBytes, hasher.buffer, edgeBytes));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads up to {@code length} bytes from {@code position}; fewer only where the file ends first. */
    private static int readFully(FileChannel channel, long position, byte[] buffer, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                break; // the file shrank meanwhile: what is there is the fingerprint
            }
        }
        return target.position();
    }

    /** One thread's digest and read buffer. */
    private static final class Hasher {
        final MessageDigest digest = newDigest();
        final byte[] buffer = new byte[BUFFER_SIZE];

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no SHA-256", e);
            }
        }
    }
}
