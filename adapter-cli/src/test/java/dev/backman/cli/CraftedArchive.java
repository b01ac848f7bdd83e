package dev.backman.cli;

import com.github.luben.zstd.ZstdOutputStream;
import dev.backman.domain.model.CompressionType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Writes a hostile stand-in for a repository's archive with commons-compress directly, entry names, types and sizes
 * exactly as given (absolute, climbing, repeated, huge), in any of the formats backman reads.
 */
final class CraftedArchive {
    private static final int BLOCK = 512;
    private final List<Entry> entries = new ArrayList<>();

    /** One entry to write. */
    sealed interface Entry permits File, Dir, Link, Zeros, RawTar {
    }

    /** A regular file with these bytes. */
    record File(String name, byte[] content) implements Entry {
    }

    record Dir(String name) implements Entry {
    }

    record Link(String name, String target) implements Entry {
    }

    /** A regular file of {@code size} zero bytes, streamed (it compresses to almost nothing). */
    record Zeros(String name, long size) implements Entry {
    }

    /**
     * Tar only: a header of {@code type} claiming {@code claimedSize} followed by {@code data} bytes of {@code fill}
     * (so the header may lie about the data that follows).
     */
    record RawTar(String name, byte type, long claimedSize, long data, byte fill) implements Entry {
    }

    /** The entries backman itself writes for {@code source} (named {@code <root>/…}), in path order. */
    static CraftedArchive of(Path source) {
        CraftedArchive archive = new CraftedArchive();
        String root = source.getFileName().toString();
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted().toList()) {
                String relative = source.relativize(path).toString();
                String name = relative.isEmpty() ? root : root + "/" + relative;
                if (Files.isSymbolicLink(path)) {
                    archive.add(new Link(name, Files.readSymbolicLink(path).toString()));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    archive.add(new Dir(name));
                } else {
                    archive.add(new File(name, Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return archive;
    }

    static File file(String name, String content) {
        return new File(name, content.getBytes(StandardCharsets.UTF_8));
    }

    CraftedArchive add(Entry entry) {
        entries.add(entry);
        return this;
    }

    /** Inserts {@code entry} before the first entry named {@code name}. */
    CraftedArchive insertBefore(String name, Entry entry) {
        entries.add(indexOf(name), entry);
        return this;
    }

    CraftedArchive replace(String name, Entry... replacements) {
        int at = indexOf(name);
        entries.remove(at);
        entries.addAll(at, Arrays.asList(replacements));
        return this;
    }

    CraftedArchive remove(String name) {
        entries.remove(indexOf(name));
        return this;
    }

    /** Writes the archive over {@code target} in {@code type}'s format. */
    void writeTo(Path target, CompressionType type) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            switch (type) {
                case ZIP -> writeZip(file);
                case TAR -> writeTar(file);
                case TAR_GZ -> {
                    try (GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16)) {
                        writeTar(gzip);
                    }
                }
                case TAR_ZST -> {
                    try (ZstdOutputStream zstd = new ZstdOutputStream(file)) {
                        writeTar(zstd);
                    }
                }
                default -> throw new IllegalArgumentException("not crafted in tests: " + type);
            }
        }
    }

    /** Writes every header by hand (names are short), so a header may claim what its data is not. */
    private void writeTar(OutputStream out) throws IOException {
        for (Entry entry : entries) {
            if (entry instanceof RawTar raw) {
                writeTarEntry(out, raw.name(), raw.type(), raw.claimedSize(), null, raw.data(), raw.fill(), 0644);
            } else if (entry instanceof File f) {
                writeTarEntry(out, f.name(), TarConstants.LF_NORMAL, f.content().length, null, 0, (byte) 0, 0644);
                out.write(f.content());
                pad(out, f.content().length);
            } else if (entry instanceof Zeros z) {
                writeTarEntry(out, z.name(), TarConstants.LF_NORMAL, z.size(), null, z.size(), (byte) 0, 0644);
            } else if (entry instanceof Dir d) {
                writeTarEntry(out, d.name() + "/", TarConstants.LF_DIR, 0, null, 0, (byte) 0, 0755);
            } else if (entry instanceof Link l) {
                writeTarEntry(out, l.name(), TarConstants.LF_SYMLINK, 0, l.target(), 0, (byte) 0, 0777);
            }
        }
        out.write(new byte[2 * BLOCK]);
    }

    private static void writeTarEntry(OutputStream out, String name, byte type, long claimedSize, String linkTarget,
                                      long data, byte fill, int mode) throws IOException {
        // preserveAbsolutePath: a hostile archive keeps its leading '/'
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setSize(claimedSize);
        entry.setMode(mode);
        if (linkTarget != null) {
            entry.setLinkName(linkTarget);
        }
        byte[] header = new byte[BLOCK];
        // star mode: sizes beyond the 8 GiB of octal digits are written in binary
        entry.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name()), true);
        out.write(header);
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, fill);
        for (long left = data; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        pad(out, data);
    }

    private static void pad(OutputStream out, long written) throws IOException {
        if (written % BLOCK != 0) {
            out.write(new byte[(int) (BLOCK - written % BLOCK)]);
        }
    }

    private void writeZip(OutputStream out) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Entry entry : entries) {
                if (entry instanceof File f) {
                    zip.putArchiveEntry(unix(new ZipArchiveEntry(f.name()), 0100644));
                    zip.write(f.content());
                } else if (entry instanceof Zeros z) {
                    zip.putArchiveEntry(unix(new ZipArchiveEntry(z.name()), 0100644));
                    copyZeros(zip, z.size());
                } else if (entry instanceof Dir d) {
                    zip.putArchiveEntry(unix(new ZipArchiveEntry(d.name() + "/"), 040755));
                } else if (entry instanceof Link l) {
                    zip.putArchiveEntry(unix(new ZipArchiveEntry(l.name()), 0120777));
                    zip.write(l.target().getBytes(StandardCharsets.UTF_8));
                } else {
                    throw new IllegalArgumentException("tar only: " + entry);
                }
                zip.closeArchiveEntry();
            }
        }
    }

    private static ZipArchiveEntry unix(ZipArchiveEntry entry, int mode) {
        entry.setUnixMode(mode);
        return entry;
    }

    private static void copyZeros(OutputStream out, long size) throws IOException {
        InputStream zeros = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        zeros.transferTo(out);
    }

    private int indexOf(String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (nameOf(entries.get(i)).equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }

    private static String nameOf(Entry entry) {
        if (entry instanceof File f) {
            return f.name();
        } else if (entry instanceof Dir d) {
            return d.name();
        } else if (entry instanceof Link l) {
            return l.name();
        } else if (entry instanceof Zeros z) {
            return z.name();
        }
        return ((RawTar) entry).name();
    }
}
