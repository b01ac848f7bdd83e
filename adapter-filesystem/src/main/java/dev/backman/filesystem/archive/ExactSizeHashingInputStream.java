package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Delivers exactly the size an archive header announced, whatever the file does meanwhile: a file that shrank is
 * padded with zeros, one that grew is cut. The SHA-256 of the delivered bytes is computed as they stream by and
 * recorded in the ledger when the end is reached, so each file is read once, in whichever thread stores it.
 */
final class ExactSizeHashingInputStream extends InputStream {

    private final InputStream source;
    private final long size;
    private final String path;
    private final ContentLedger ledger;
    private final MessageDigest sha256;
    private long delivered;
    private boolean sourceEnded;
    private boolean changed;
    private boolean recorded;

    ExactSizeHashingInputStream(InputStream source, long size, String path, ContentLedger ledger) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
        this.source = source;
        this.size = size;
        this.path = path;
        this.ledger = ledger;
        this.sha256 = newSha256();
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
            sourceEnded = true;
            changed = true;
            n = wanted;
            Arrays.fill(b, off, off + n, (byte) 0);
        }
        sha256.update(b, off, n);
        delivered += n;
        return n;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private void recordOnce() throws IOException {
        if (recorded) {
            return;
        }
        recorded = true;
        if (!sourceEnded && source.read() >= 0) {
            changed = true; // the file grew beyond the announced size: the rest is cut
        }
        ledger.record(path, HexFormat.of().formatHex(sha256.digest()), changed);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
