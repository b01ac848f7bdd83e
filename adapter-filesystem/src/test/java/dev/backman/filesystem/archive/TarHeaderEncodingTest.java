package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.junit.jupiter.api.Test;

/**
 * The tar writer encodes header fields and decides on pax records itself, faster than commons-compress's
 * per-field {@code CharsetEncoder}: the archive must come out byte for byte as commons-compress alone writes it.
 */
class TarHeaderEncodingTest {
    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L);
    private static final List<String> NAMES = List.of("", "plain.txt", "ünïcødé — файл 文件.txt", "emoji 😀.md",
            "lone \uD800 surrogate", "n".repeat(99), "n".repeat(100), "d/".repeat(80) + "long.txt",
            "é".repeat(60), "tab\tand\nnewline");

    @Test
    void headersAreEncodedAsCommonsCompressEncodesThem() throws IOException {
        ZipEncoding theirs = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name());
        for (String name : NAMES) {
            assertThat(bytes(Utf8HeaderEncoding.INSTANCE.encode(name))).as(name).isEqualTo(bytes(theirs.encode(name)));
            assertThat(Utf8HeaderEncoding.INSTANCE.canEncode(name)).as(name).isEqualTo(theirs.canEncode(name));
            assertThat(Utf8HeaderEncoding.isAscii(name)).as(name)
                    .isEqualTo(ZipEncodingHelper.getZipEncoding("US-ASCII").canEncode(name));
        }
    }

    @Test
    void theArchiveIsByteForByteWhatCommonsCompressWritesWithPaxRecordsForNonAsciiNames() throws IOException {
        byte[] content = "content\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (ArchiveWriter writer = new CommonsCompressArchiveCodec(1).newWriter(CompressionType.TAR, ours)) {
            for (String name : NAMES) {
                if (name.isEmpty()) {
                    continue;
                }
                FileEntry file = entry("root/" + name, EntryType.FILE, content.length, null);
                writer.addFile(file, new ByteArrayInputStream(content));
                writer.addDuplicate(entry("root/copy of " + name, EntryType.FILE, content.length, null), file);
                writer.addSymlink(entry("root/link to " + name, EntryType.SYMLINK, 0, "../" + name));
                writer.addDirectory(entry("root/dir " + name, EntryType.DIR, 0, null));
            }
            writer.finish();
        }

        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(theirs, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (String name : NAMES) {
                if (name.isEmpty()) {
                    continue;
                }
                TarArchiveEntry file = header("root/" + name, TarConstants.LF_NORMAL, 0644);
                file.setSize(content.length);
                tar.putArchiveEntry(file);
                tar.write(content);
                tar.closeArchiveEntry();
                TarArchiveEntry copy = header("root/copy of " + name, TarConstants.LF_LINK, 0644);
                copy.setLinkName("root/" + name);
                put(tar, copy);
                TarArchiveEntry link = header("root/link to " + name, TarConstants.LF_SYMLINK, 0777);
                link.setLinkName("../" + name);
                put(tar, link);
                put(tar, header("root/dir " + name + "/", TarConstants.LF_DIR, 0755));
            }
            tar.finish();
        }

        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry) throws IOException {
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry header(String name, byte linkFlag, int mode) {
        TarArchiveEntry header = new TarArchiveEntry(name, linkFlag);
        header.setMode(mode);
        header.setLastModifiedTime(FileTime.from(MTIME.getEpochSecond(), TimeUnit.SECONDS));
        header.setUserId(0);
        header.setGroupId(0);
        header.setUserName("");
        header.setGroupName("");
        return header;
    }

    private static FileEntry entry(String path, EntryType type, long size, String target) {
        return TrickyTree.entry(path, type, size, -1, MTIME, target);
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
