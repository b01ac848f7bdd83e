package dev.backman.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A source tree on disk that generated edits change. An edit that does not fit the tree as it is (a name taken, a
 * file where a directory is needed) is skipped, so any generated sequence of edits is valid.
 */
final class EditableTree {
    private final Path root;

    EditableTree(Path root) {
        this.root = root;
    }

    /** Regular files below the root, sorted, so an edit's index picks one deterministically. */
    List<Path> files() {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file an edit's index points to, or null when there is none. */
    Path pick(int index) {
        List<Path> files = files();
        return files.isEmpty() ? null : files.get(Math.floorMod(index, files.size()));
    }

    /** Writes a file at {@code relative} unless the place is taken by a directory or a link, or a parent is not one. */
    void write(String relative, byte[] content, int mode, Instant mtime) throws IOException {
        Path file = root.resolve(relative);
        if (!makeParents(file) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            return;
        }
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, permissions(0600)); // a read-only file is rewritten as root would
        }
        Files.write(file, content);
        Files.setPosixFilePermissions(file, permissions(mode));
        Files.setLastModifiedTime(file, FileTime.from(mtime));
    }

    void rewrite(Path file, byte[] content) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        Files.setPosixFilePermissions(file, permissions(0600));
        Files.write(file, content);
        Files.setPosixFilePermissions(file, mode);
    }

    void symlink(String relative, String target) throws IOException {
        Path link = root.resolve(relative);
        if (makeParents(link) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of(target));
        }
    }

    void directory(String relative) throws IOException {
        Path directory = root.resolve(relative);
        if (makeParents(directory) && !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(directory);
        }
    }

    /** Moves or copies {@code file} to a free {@code relative} place (copies keep mode and mtime). */
    void moveOrCopy(Path file, String relative, boolean copy) throws IOException {
        Path destination = root.resolve(relative);
        if (!makeParents(destination) || Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (copy) {
            Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.move(file, destination);
        }
    }

    /** Content made from a seed: equal (seed, size) pairs give equal bytes, so duplicates happen. */
    static byte[] content(int seed, int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(seed);
        if (seed % 2 == 0) {
            random.nextBytes(bytes); // incompressible
        } else {
            for (int i = 0; i < size; i++) {
                bytes[i] = (byte) ("backman compresses text " + seed).charAt(i % 25); // compressible
            }
        }
        return bytes;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] byBit = PosixFilePermission.values(); // OWNER_READ = 0400 … OTHERS_EXECUTE = 0001
        for (int i = 0; i < byBit.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(byBit[i]);
            }
        }
        return permissions;
    }

    /** Deletes a tree made by a property run, whatever modes it holds. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Creates the missing parents of {@code path}; false when a parent is taken by a file or a link. */
    private boolean makeParents(Path path) throws IOException {
        Path current = root;
        Path relative = root.relativize(path.getParent());
        for (Path name : relative) {
            if (name.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(name);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }
}
