package dev.backman.filesystem.archive;

import java.io.IOException;

/** Builds the IOException reported when an archive cannot be decoded, naming the archive and the cause. */
final class ArchiveDamage {

    private ArchiveDamage() {
    }

    static IOException of(String archiveKey, IOException cause) {
        if (cause.getMessage() != null && cause.getMessage().startsWith(prefix(archiveKey))) {
            return cause;
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IOException(prefix(archiveKey) + detail, cause);
    }

    static IOException of(String archiveKey, String problem) {
        return new IOException(prefix(archiveKey) + problem);
    }

    private static String prefix(String archiveKey) {
        return "archive " + archiveKey + " is corrupt or truncated: ";
    }
}
