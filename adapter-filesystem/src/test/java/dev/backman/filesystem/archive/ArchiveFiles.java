package dev.backman.filesystem.archive;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.WriteSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes archives to files and reads them back whole, for tests. */
final class ArchiveFiles {

    /** An archive entry as read back, content included. */
    record ReadItem(String name, ArchiveItem.Kind kind, long size, int mode, Instant mtime, String linkTarget,
                    byte[] content) {
    }

    private ArchiveFiles() {
    }

    static Path archivePath(Path dir, CompressionType type) {
        return dir.resolve("archive." + type.extension());
    }

    static WriteSummary write(ArchiveCodec codec, CompressionType type, Path archive, TrickyTree tree)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(archive);
             ArchiveWriter writer = codec.newWriter(type, out)) {
            tree.writeTo(writer);
            return writer.finish();
        }
    }

    /** Every entry by name, in archive order. */
    static Map<String, ReadItem> readAll(ArchiveCodec codec, CompressionType type, Path archive) throws IOException {
        Map<String, ReadItem> items = new LinkedHashMap<>();
        try (ArchiveReader reader = codec.newReader(type, new PathStoredObject(archive))) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                ArchiveItem item = next.get();
                byte[] content = item.content().readAllBytes();
                items.put(item.name(), new ReadItem(item.name(), item.kind(), item.size(), item.mode(), item.mtime(),
                        item.linkTarget(), content));
            }
        }
        return items;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[256 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
