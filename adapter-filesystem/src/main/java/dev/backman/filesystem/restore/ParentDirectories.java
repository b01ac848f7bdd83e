package dev.backman.filesystem.restore;

import dev.backman.domain.error.UnsafeArchiveEntry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks and creates the directories between a restore base and a destination. None of them may be a symlink: an
 * earlier entry of a hostile archive could have planted one pointing outside the base. The base itself may be a
 * link (the user chose it); only what lies below it is checked.
 */
final class ParentDirectories {

    /** What {@link #inspect} found on the way down. */
    enum State { PRESENT, MISSING, NOT_A_DIRECTORY, SYMLINK }

    private ParentDirectories() {
    }

    /** Looks at the parents without changing anything or following any link. */
    static State inspect(RestoreTarget target) throws IOException {
        Path current = target.base();
        for (int i = 0; i < target.names().size() - 1; i++) {
            current = current.resolve(target.names().get(i));
            BasicFileAttributes attributes = attributesOrNull(current);
            if (attributes == null) {
                return State.MISSING;
            }
            if (attributes.isSymbolicLink()) {
                return State.SYMLINK;
            }
            if (!attributes.isDirectory()) {
                return State.NOT_A_DIRECTORY;
            }
        }
        return State.PRESENT;
    }

    /**
     * Creates missing parents one at a time, refusing to pass through a symlink. The deepest parent that {@code
     * verified} recorded earlier in the same restore is trusted after one look at it (still a directory, same
     * identity), and so are the levels above it; the levels checked or made here are recorded. Below a directory this
     * restore made, a level is made without looking first: nothing can be there but what another thread of the
     * restore made, which a failed creation then finds and checks (a fresh tree costs no failed {@code lstat}, with
     * its exception, per directory).
     */
    static void create(RestoreTarget target, VerifiedDirectories verified) throws IOException {
        if (target.isBase()) {
            Files.createDirectories(target.directory());
            return;
        }
        int levels = target.names().size() - 1;
        Path[] paths = new Path[levels];
        Path parent = target.base();
        for (int i = 0; i < levels; i++) {
            parent = parent.resolve(target.names().get(i));
            paths[i] = parent;
        }
        int start = 0;
        boolean inMadeDirectory = false;
        for (int i = levels - 1; i >= 0; i--) {
            VerifiedDirectories.Found found = verified.of(paths[i]);
            if (found != null) {
                if (verifiedOrNull(paths[i], verified, BasicFileAttributes.class) != null) {
                    start = i + 1;
                    inMadeDirectory = found.madeHere();
                }
                break; // one look: a recorded level that changed means the whole path is checked again
            }
        }
        if (start == 0 && !Files.isDirectory(target.base())) { // one stat; creating it every time: a failed mkdir
            Files.createDirectories(target.base());
        }
        for (int i = start; i < levels; i++) {
            Path current = paths[i];
            BasicFileAttributes attributes = inMadeDirectory ? null : attributesOrNull(current);
            boolean made = false;
            if (attributes == null) {
                made = createOne(current);
                attributes = attributesOrNull(current);
            }
            requireRealDirectory(current, attributes, target);
            verified.add(current, attributes.fileKey(), made);
            inMadeDirectory = made;
        }
    }

    /**
     * The attributes of {@code directory} (of the given kind, read without following a link) when {@code verified}
     * recorded it earlier in the same restore and it is still that directory; else null, and nothing is read when
     * it was never recorded. Being the very directory that was checked, it needs no look at its parents.
     */
    static <A extends BasicFileAttributes> A verifiedOrNull(Path directory, VerifiedDirectories verified,
                                                            Class<A> kind) throws IOException {
        VerifiedDirectories.Found found = verified.of(directory);
        if (found == null) {
            return null;
        }
        A now = attributesOrNull(directory, kind);
        return now != null && now.isDirectory() && !now.isSymbolicLink() && found.identity().equals(now.fileKey())
                ? now : null;
    }

    /** Whether it made the directory; false when something was there (the caller checks what). */
    private static boolean createOne(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
            return true;
        } catch (FileAlreadyExistsException raced) {
            // Another thread of the same restore created it first, or something else is there
            return false;
        }
    }

    private static void requireRealDirectory(Path directory, BasicFileAttributes attributes, RestoreTarget target)
            throws IOException {
        if (attributes == null) {
            throw new NoSuchFileException(directory.toString(), null, "vanished while restoring");
        }
        if (attributes.isSymbolicLink()) {
            throw throughSymlink(directory, target);
        }
        if (!attributes.isDirectory()) {
            throw new FileSystemException(directory.toString(), null,
                    "not a directory, so '" + target.relative() + "' cannot be restored below it");
        }
    }

    static UnsafeArchiveEntry throughSymlink(Path link, RestoreTarget target) {
        return new UnsafeArchiveEntry(target.relative(),
                "'" + target.base().relativize(link) + "' is a symlink on disk; writing through it could leave "
                        + target.base());
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        return attributesOrNull(path, BasicFileAttributes.class);
    }

    /** The attributes of the given kind, read without following a link, or null when nothing is there. */
    static <A extends BasicFileAttributes> A attributesOrNull(Path path, Class<A> kind) throws IOException {
        try {
            return Files.readAttributes(path, kind, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
