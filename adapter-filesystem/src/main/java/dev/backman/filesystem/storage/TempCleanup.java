package dev.backman.filesystem.storage;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes everything below the temporary directory, keeping the directory itself. */
final class TempCleanup extends SimpleFileVisitor<Path> {
    private final Path tempDir;

    TempCleanup(Path tempDir) {
        this.tempDir = tempDir;
    }

    void run() throws IOException {
        if (Files.isDirectory(tempDir)) {
            Files.walkFileTree(tempDir, this);
        }
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
            throw e;
        }
        if (!dir.equals(tempDir)) {
            Files.deleteIfExists(dir);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
        }
        throw e;
    }
}
