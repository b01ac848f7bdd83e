package dev.backman.filesystem.archive;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Delivers exactly the size an archive header announced and records the SHA-256 of the delivered bytes in the
 * ledger when the end is reached, so each file is read once, in whichever thread stores it. A file being read
 * ({@link #padding}) may change meanwhile: one that shrank is padded with zeros, one that grew is cut, and both
 * are reported as changed. A stream handed over by the caller ({@link #strict}) must hold the announced size: one
 * that ends early fails, and it is never read past that size (it may be another archive's entry).
 */
final class ExactSizeHashingInputStream extends InputStream {

    private final InputStream source;
    private final long size;
    private final String path;
    private final ContentLedger ledger;
    private final boolean strict;
    private final MessageDigest sha256; // null when the caller gave the digest
    private final String knownSha256;
    private final CRC32C crc32c = new CRC32C(); // intrinsic: a cheap second checksum for the write-time check
    private long delivered;
    private boolean sourceEnded;
    private boolean changed;
    private boolean recorded;

    private ExactSizeHashingInputStream(InputStream source, long size, String path, ContentLedger ledger,
                                        boolean strict, String knownSha256) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
        this.source = source;
        this.size = size;
        this.path = path;
        this.ledger = ledger;
        this.strict = strict;
        this.knownSha256 = knownSha256;
        this.sha256 = knownSha256 == null ? newSha256() : null;
    }

    /** A file's bytes, padded or cut to {@code size}. */
    static ExactSizeHashingInputStream padding(InputStream file, long size, String path, ContentLedger ledger) {
        return new ExactSizeHashingInputStream(file, size, path, ledger, false, null);
    }

    /** A caller's stream that must hold {@code size} bytes, of which no more are read. */
    static ExactSizeHashingInputStream strict(InputStream content, long size, String path, ContentLedger ledger) {
        return new ExactSizeHashingInputStream(content, size, path, ledger, true, null);
    }

    /**
     * Bytes the caller read whole and hashed: {@code sha256} is recorded as their digest, and only the CRC-32C is
     * computed. {@code content} must hold exactly {@code size} bytes.
     */
    static ExactSizeHashingInputStream hashed(byte[] content, String sha256, long size, String path,
                                              ContentLedger ledger) {
        if (content.length != size) {
            throw new IllegalArgumentException(path + ": " + content.length + " bytes given, " + size + " announced");
        }
        return new ExactSizeHashingInputStream(new ByteArrayInputStream(content), size, path, ledger, true,
                Objects.requireNonNull(sha256, "sha256"));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (delivered == size) {
            recordOnce();
            return -1;
        }
        int wanted = (int) Math.min(len, size - delivered);
        int n = sourceEnded ? -1 : source.read(b, off, wanted);
        if (n < 0) {
            if (strict) {
                throw new EOFException(path + ": the content ended after " + delivered + " of " + size + " bytes");
            }
            sourceEnded = true;
            changed = true;
            n = wanted;
            Arrays.fill(b, off, off + n, (byte) 0);
        }
        if (sha256 != null) {
            sha256.update(b, off, n);
        }
        crc32c.update(b, off, n);
        delivered += n;
        ledger.read(n);
        return n;
    }

    /** Records the digest once every byte was read, as reading past the end would. */
    void finishRead() throws IOException {
        if (delivered != size) {
            throw new IllegalStateException(path + ": " + (size - delivered) + " bytes were not read");
        }
        recordOnce();
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        if (!strict) {
            source.close(); // a caller's stream stays open: it may be an entry of an archive being read
        }
    }

    private void recordOnce() throws IOException {
        if (recorded) {
            return;
        }
        recorded = true;
        if (!strict && !sourceEnded && source.read() >= 0) {
            changed = true; // the file grew beyond the announced size: the rest is cut
        }
        String digest = sha256 == null ? knownSha256 : HexFormat.of().formatHex(sha256.digest());
        ledger.record(path, digest, (int) crc32c.getValue(), changed);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
