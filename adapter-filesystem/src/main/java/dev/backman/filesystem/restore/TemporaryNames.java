package dev.backman.filesystem.restore;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the files of a restore: the destination itself where nothing is there, else hidden temporary files and
 * links beside it ({@code .<name>.backman-<random>.tmp}), so that replacing what is there is a rename within one
 * directory. Files start owner-only: contents of a private file are never readable by others while they are
 * written.
 */
final class TemporaryNames {
    private static final int MAX_NAME_BYTES = 200; // with the decoration, stays under the usual 255-byte limit
    private static final int ATTEMPTS = 100;
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));
    private static final Set<OpenOption> CREATE_NEW_FOR_WRITING = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    private TemporaryNames() {
    }

    /**
     * Creates the destination itself, owner-only, when nothing at all is there, and otherwise a temporary beside it.
     * The exclusive create never follows a link and never opens anything that exists: a file, link or directory in
     * the way stays as it is until the temporary is renamed over it.
     */
    static NewFile openDestinationOrTemporary(Path directory, String name) throws IOException {
        Path destination = directory.resolve(name);
        try {
            return new NewFile(destination, Files.newByteChannel(destination, CREATE_NEW_FOR_WRITING,
                    ownerOnly(directory)));
        } catch (FileAlreadyExistsException e) {
            return openFile(directory, name);
        }
    }

    /** Creates the file and keeps it open for writing: one open instead of two for each restored file. */
    static NewFile openFile(Path directory, String name) throws IOException {
        FileAttribute<?>[] ownerOnly = ownerOnly(directory);
        for (int attempt = 0; ; attempt++) {
            Path path = next(directory, name);
            try {
                return new NewFile(path, Files.newByteChannel(path, CREATE_NEW_FOR_WRITING, ownerOnly));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
    }

    /** A file just created, and its channel open for writing (the caller closes it). */
    record NewFile(Path path, SeekableByteChannel channel) {
    }

    /**
     * Creates the link at the destination itself when nothing at all is there (one step: a process killed at any
     * moment leaves the link or nothing, never a hidden temporary that no later run would know to remove), and
     * otherwise a temporary link beside it, for the caller to rename over what is in the way.
     */
    static Path createSymlinkAtDestinationOrTemporary(Path directory, String name, Path linkTarget)
            throws IOException {
        try {
            return Files.createSymbolicLink(directory.resolve(name), linkTarget);
        } catch (FileAlreadyExistsException e) {
            return createSymlink(directory, name, linkTarget);
        }
    }

    private static Path createSymlink(Path directory, String name, Path linkTarget) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createSymbolicLink(next(directory, name), linkTarget);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A temporary name beside {@code name} that nothing has now (for moving something there). */
    static Path unused(Path directory, String name) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path path = next(directory, name);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return path;
            }
        }
        throw new FileAlreadyExistsException(directory.resolve(name).toString(), null, "no unused temporary name");
    }

    private static Path next(Path directory, String name) {
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return directory.resolve("." + shortened(name) + ".backman-" + random + ".tmp");
    }

    /** The longest prefix of whole characters that fits in {@link #MAX_NAME_BYTES} of UTF-8. */
    private static String shortened(String name) {
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > MAX_NAME_BYTES) {
                return name.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return name;
    }
}
