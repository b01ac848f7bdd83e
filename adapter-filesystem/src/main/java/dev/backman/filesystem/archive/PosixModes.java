package dev.backman.filesystem.archive;

import dev.backman.domain.model.FileEntry;

/** Permission bits to store for an entry, with the usual defaults when the source platform had none. */
final class PosixModes {

    static final int PERMISSION_BITS = 07777;

    private PosixModes() {
    }

    static int permissions(FileEntry entry) {
        if (entry.mode() >= 0) {
            return entry.mode() & PERMISSION_BITS;
        }
        return switch (entry.type()) {
            case DIR -> 0755;
            case SYMLINK -> 0777;
            case FILE -> 0644;
        };
    }
}
