package dev.backman.filesystem.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** For file systems without POSIX attributes: no mode (-1), and a file key only where the platform has one. */
final class BasicAttributeReader implements AttributeReader {

    @Override
    public EntryStat read(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        EntryStat.Kind kind = attributes.isRegularFile() ? EntryStat.Kind.FILE
                : attributes.isDirectory() ? EntryStat.Kind.DIRECTORY
                : attributes.isSymbolicLink() ? EntryStat.Kind.SYMLINK
                : EntryStat.Kind.SPECIAL;
        Object key = attributes.fileKey();
        return new EntryStat(kind, kind == EntryStat.Kind.FILE ? attributes.size() : 0L, -1,
                attributes.lastModifiedTime().toInstant(), key == null ? null : key.toString(),
                kind == EntryStat.Kind.SPECIAL ? "not a file, directory or symlink" : null);
    }
}
