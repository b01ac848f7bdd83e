package dev.backman.filesystem.archive;

import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Reads a zip through its central directory (random access to the stored object), entries in physical order. */
final class ZipArchiveReader implements ArchiveReader {

    /** Longest symlink target accepted; Linux's PATH_MAX. */
    static final int MAX_LINK_TARGET = 4096;
    private static final int TYPE_MASK = 0170000;

    private final String key;
    private final SeekableByteChannel channel;
    private final ZipFile zip;
    private final Iterator<ZipArchiveEntry> entries;
    private InputStream current;

    private ZipArchiveReader(String key, SeekableByteChannel channel, ZipFile zip) {
        this.key = key;
        this.channel = channel;
        this.zip = zip;
        this.entries = Collections.list(zip.getEntriesInPhysicalOrder()).iterator();
    }

    static ZipArchiveReader open(StoredObject archive) throws IOException {
        SeekableByteChannel channel = archive.openChannel();
        try {
            ZipFile zip = ZipFile.builder().setSeekableByteChannel(channel).setUseUnicodeExtraFields(true).get();
            return new ZipArchiveReader(archive.key(), channel, zip);
        } catch (IOException e) {
            channel.close();
            throw ArchiveDamage.of(archive.key(), e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Optional<ArchiveItem> next() throws IOException {
        closeCurrent();
        if (!entries.hasNext()) {
            return Optional.empty();
        }
        try {
            return Optional.of(toItem(entries.next()));
        } catch (IOException e) {
            throw ArchiveDamage.of(key, e);
        }
    }

    @Override
    public void close() throws IOException {
        try (channel; zip) {
            closeCurrent();
        }
    }

    private ArchiveItem toItem(ZipArchiveEntry entry) throws IOException {
        ArchiveItem.Kind kind = kindOf(entry);
        String target = null;
        InputStream bytes = new ItemContentStream(InputStream.nullInputStream(), key);
        if (kind == ArchiveItem.Kind.SYMLINK) {
            target = readLinkTarget(entry);
        } else if (kind == ArchiveItem.Kind.FILE) {
            current = zip.getInputStream(entry);
            bytes = new ItemContentStream(current, key);
        }
        FileTime mtime = entry.getLastModifiedTime();
        return new ArchiveItem(EntryNames.withoutTrailingSlash(entry.getName()), kind, entry.getSize(), modeOf(entry),
                mtime == null ? null : mtime.toInstant(), target, bytes);
    }

    private String readLinkTarget(ZipArchiveEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] target = in.readNBytes(MAX_LINK_TARGET + 1);
            if (target.length > MAX_LINK_TARGET) {
                throw new IOException("symlink " + entry.getName() + " has a target longer than " + MAX_LINK_TARGET);
            }
            return new String(target, StandardCharsets.UTF_8);
        }
    }

    private static ArchiveItem.Kind kindOf(ZipArchiveEntry entry) {
        int type = hasUnixMode(entry) ? entry.getUnixMode() & TYPE_MASK : 0;
        if (type == ZipEntryFactory.TYPE_SYMLINK) {
            return ArchiveItem.Kind.SYMLINK;
        }
        if (entry.isDirectory() || type == ZipEntryFactory.TYPE_DIRECTORY) {
            return ArchiveItem.Kind.DIRECTORY;
        }
        return type == 0 || type == ZipEntryFactory.TYPE_FILE ? ArchiveItem.Kind.FILE : ArchiveItem.Kind.OTHER;
    }

    private static int modeOf(ZipArchiveEntry entry) {
        return hasUnixMode(entry) ? entry.getUnixMode() & PosixModes.PERMISSION_BITS : -1;
    }

    private static boolean hasUnixMode(ZipArchiveEntry entry) {
        return entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && entry.getUnixMode() != 0;
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            InputStream open = current;
            current = null;
            open.close();
        }
    }
}
