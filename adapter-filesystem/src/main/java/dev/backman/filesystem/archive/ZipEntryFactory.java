package dev.backman.filesystem.archive;

import dev.backman.domain.model.FileEntry;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipLong;

/**
 * Zip entries the way unzip, the JDK and other tools read them back faithfully: Unix mode with the file-type
 * bits (symlinks included), DOS time plus an extended-timestamp field for the exact second, and a Unicode path
 * field next to the UTF-8 flag for non-ASCII names.
 */
final class ZipEntryFactory {

    static final int TYPE_FILE = 0100000;
    static final int TYPE_DIRECTORY = 0040000;
    static final int TYPE_SYMLINK = 0120000;

    ZipArchiveEntry directory(FileEntry entry) {
        ZipArchiveEntry zip = named(entry.path() + "/", entry);
        zip.setUnixMode(TYPE_DIRECTORY | PosixModes.permissions(entry));
        stored(zip, new byte[0]);
        return zip;
    }

    /** A symlink: its content is the link target, as Info-ZIP stores it. */
    ZipArchiveEntry symlink(FileEntry entry, byte[] target) {
        ZipArchiveEntry zip = named(entry.path(), entry);
        zip.setUnixMode(TYPE_SYMLINK | PosixModes.permissions(entry));
        stored(zip, target);
        return zip;
    }

    /** A regular file; method, CRC and sizes are set once its bytes have been compressed. */
    ZipArchiveEntry file(FileEntry entry) {
        ZipArchiveEntry zip = named(entry.path(), entry);
        zip.setUnixMode(TYPE_FILE | PosixModes.permissions(entry));
        return zip;
    }

    private static ZipArchiveEntry named(String name, FileEntry entry) {
        ZipArchiveEntry zip = new ZipArchiveEntry(name);
        setModificationTime(zip, entry.mtime().getEpochSecond());
        if (!isAscii(name)) {
            zip.addExtraField(new UnicodePathExtraField(name, name.getBytes(StandardCharsets.UTF_8)));
        }
        return zip;
    }

    /**
     * DOS time (2-second steps, local time, 1980-2107) plus the X5455 extended timestamp that unzip and the JDK
     * read for the exact second. Times DOS cannot hold make commons-compress add the timestamp fields itself.
     */
    private static void setModificationTime(ZipArchiveEntry zip, long epochSecond) {
        // not setLastModifiedTime: it adds an NTFS field too, whose BigDecimal conversions dominate small files
        zip.setTime(epochSecond * 1000);
        boolean fitsExtendedTimestamp = epochSecond >= Integer.MIN_VALUE && epochSecond <= Integer.MAX_VALUE;
        if (zip.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) == null && fitsExtendedTimestamp) {
            X5455_ExtendedTimestamp timestamp = new X5455_ExtendedTimestamp();
            timestamp.setModifyTime(new ZipLong(epochSecond));
            zip.addExtraField(timestamp);
        }
    }

    private static void stored(ZipArchiveEntry zip, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.setMethod(ZipEntry.STORED);
        zip.setSize(content.length);
        zip.setCompressedSize(content.length);
        zip.setCrc(crc.getValue());
    }

    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
