package dev.backman.filesystem.restore;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.RestoreWriter.Existing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Compares what is on disk at a destination with the entry that would be restored there, following no link. */
final class ExistingDestination {

    private ExistingDestination() {
    }

    static Existing compare(RestoreTarget target, FileEntry entry) throws IOException {
        if (target.isBase() && entry.type() == EntryType.DIR && Files.isDirectory(target.base())) {
            return Existing.SAME; // the base may be a link to a directory: the user's choice
        }
        if (!target.isBase() && ParentDirectories.inspect(target) != ParentDirectories.State.PRESENT) {
            return Existing.ABSENT;
        }
        BasicFileAttributes found = ParentDirectories.attributesOrNull(target.destination());
        if (found == null) {
            return Existing.ABSENT;
        }
        return matches(target.destination(), found, entry) ? Existing.SAME : Existing.DIFFERENT;
    }

    private static boolean matches(Path destination, BasicFileAttributes found, FileEntry entry) throws IOException {
        return switch (entry.type()) {
            case DIR -> found.isDirectory();
            case SYMLINK -> found.isSymbolicLink()
                    && Files.readSymbolicLink(destination).toString().equals(entry.linkTarget());
            // && short-circuits: the file is hashed only when type and size already match
            case FILE -> found.isRegularFile() && found.size() == entry.size() && entry.sha256() != null
                    && entry.sha256().equalsIgnoreCase(Sha256.of(destination, found.size()));
        };
    }
}
