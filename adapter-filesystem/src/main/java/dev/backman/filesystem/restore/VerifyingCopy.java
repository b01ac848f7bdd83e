package dev.backman.filesystem.restore;

import dev.backman.domain.error.IntegrityViolation;
import dev.backman.domain.model.FileEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Copies an entry's content into a file, hashing as it writes, and checks size and SHA-256 against the manifest.
 * Never writes more than the recorded size: one byte more is read (not written) to tell that an entry inflates
 * beyond it, and reading stops there, so an entry that claims or inflates to far more is cut short.
 */
final class VerifyingCopy {
    /** The copy buffer's size (callers keep one per thread, not one per file); also the largest read of a file. */
    static final int MAX_BUFFER = 256 * 1024;

    private VerifyingCopy() {
    }

    /** Writes into {@code out} through {@code buffer}; the caller closes {@code out} (and discards it on failure). */
    static void write(InputStream content, OutputStream out, FileEntry entry, String backupId, byte[] buffer)
            throws IOException {
        long expectedSize = Math.max(0, entry.size());
        MessageDigest digest = Sha256.newDigest();
        long total = 0;
        while (total < expectedSize) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, expectedSize - total));
            if (n < 0) {
                break;
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
            total += n;
        }
        boolean longer = total == expectedSize && content.read() >= 0;
        if (longer || total != entry.size()) {
            throw new IntegrityViolation(backupId, entry.path(), "size differs (expected " + entry.size()
                    + " bytes, got " + (longer ? "more" : String.valueOf(total)) + ")");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (entry.sha256() != null && !actual.equalsIgnoreCase(entry.sha256())) {
            throw new IntegrityViolation(backupId, entry.path(),
                    "content does not match its SHA-256 (expected " + entry.sha256() + ", got " + actual + ")");
        }
    }
}
