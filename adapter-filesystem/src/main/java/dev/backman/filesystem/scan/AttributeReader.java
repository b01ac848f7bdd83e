package dev.backman.filesystem.scan;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/** Reads an entry's attributes with one system call, never following a symlink. */
interface AttributeReader {

    EntryStat read(Path path) throws IOException;

    /** The fastest reader the file system supports. */
    static AttributeReader forFileSystem(FileSystem fileSystem) {
        if (!fileSystem.supportedFileAttributeViews().contains("unix")) {
            return new BasicAttributeReader();
        }
        return fileSystem == FileSystems.getDefault()
                ? JdkStatReader.ifOpened().orElseGet(UnixAttributeReader::new)
                : new UnixAttributeReader();
    }
}
