package dev.backman.filesystem.storage;

import dev.backman.domain.port.ObjectInfo;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the objects whose key starts with a prefix, walking only the directories that can hold such keys and
 * never the {@code tmp/} area.
 */
final class PrefixListing extends SimpleFileVisitor<Path> {
    private final ObjectPaths paths;
    private final String prefix;
    private final Path start;
    private final List<ObjectInfo> found = new ArrayList<>();

    PrefixListing(ObjectPaths paths, String prefix) {
        this.paths = paths;
        this.prefix = prefix;
        this.start = paths.directoryOf(prefix);
    }

    List<ObjectInfo> run() throws IOException {
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        Files.walkFileTree(start, this);
        found.sort(Comparator.comparing(ObjectInfo::key));
        return List.copyOf(found);
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (dir.equals(paths.tempDir())) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (dir.equals(start)) {
            return FileVisitResult.CONTINUE;
        }
        String directoryKey = paths.keyOf(dir) + "/";
        boolean mayHoldMatches = directoryKey.startsWith(prefix) || prefix.startsWith(directoryKey);
        return mayHoldMatches ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
            String key = paths.keyOf(file);
            if (key.startsWith(prefix)) {
                found.add(new ObjectInfo(key, attrs.size()));
            }
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE; // deleted while we walked
        }
        throw e;
    }
}
