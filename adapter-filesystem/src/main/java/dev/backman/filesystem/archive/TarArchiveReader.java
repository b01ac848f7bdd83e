package dev.backman.filesystem.archive;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Streams the entries of a (compressed) tar archive from its stored object. */
final class TarArchiveReader implements ArchiveReader {

    private final String key;
    private final InputStream decompressed;
    private final StrictTarInputStream tar;
    private final ItemContentStream content;
    private boolean ended;

    private TarArchiveReader(String key, InputStream decompressed) {
        this.key = key;
        this.decompressed = decompressed;
        this.tar = new StrictTarInputStream(decompressed);
        this.content = new ItemContentStream(tar, key);
    }

    static TarArchiveReader open(CompressionType type, StoredObject archive) throws IOException {
        return open(type, archive.key(), archive.openStream());
    }

    /** Reads {@code raw}, the archive named {@code key}; closes it when it cannot be opened. */
    static TarArchiveReader open(CompressionType type, String key, InputStream raw) throws IOException {
        try {
            return new TarArchiveReader(key, TarCompression.decompressing(type, raw));
        } catch (IOException e) {
            raw.close();
            throw ArchiveDamage.of(key, e);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public Optional<ArchiveItem> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
            if (entry == null) {
                ended = true;
                checkProperEnd();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw ArchiveDamage.of(key, e);
        }
        return Optional.of(toItem(entry));
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void checkProperEnd() throws IOException {
        if (!tar.sawEndRecord()) {
            throw ArchiveDamage.of(key, "the tar stream ends without its end-of-archive record");
        }
        // read up to the end of the compressed stream, so that its trailer and checksum are verified too
        decompressed.transferTo(OutputStream.nullOutputStream());
    }

    private ArchiveItem toItem(TarArchiveEntry entry) {
        ArchiveItem.Kind kind = kindOf(entry);
        String linkTarget = kind == ArchiveItem.Kind.SYMLINK || kind == ArchiveItem.Kind.HARD_LINK
                ? entry.getLinkName() : null;
        InputStream bytes = kind == ArchiveItem.Kind.FILE
                ? content : new ItemContentStream(InputStream.nullInputStream(), key);
        return new ArchiveItem(EntryNames.withoutTrailingSlash(entry.getName()), kind, entry.getSize(),
                entry.getMode() & PosixModes.PERMISSION_BITS, entry.getLastModifiedTime().toInstant(),
                linkTarget, bytes);
    }

    private static ArchiveItem.Kind kindOf(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return ArchiveItem.Kind.DIRECTORY;
        }
        if (entry.isSymbolicLink()) {
            return ArchiveItem.Kind.SYMLINK;
        }
        if (entry.isLink()) {
            return ArchiveItem.Kind.HARD_LINK;
        }
        // not isFile(): it also says yes to devices, fifos and unknown types
        return switch (entry.getLinkFlag()) {
            case TarConstants.LF_NORMAL, TarConstants.LF_OLDNORM, TarConstants.LF_CONTIG,
                    TarConstants.LF_GNUTYPE_SPARSE -> ArchiveItem.Kind.FILE;
            default -> ArchiveItem.Kind.OTHER;
        };
    }
}
