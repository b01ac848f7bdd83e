package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictTarInputStream} skips the unread rest of an entry and its record padding itself, through one buffer:
 * it must land on the same entries, count the same bytes and report the same damage as commons-compress does.
 */
class TarEntrySkippingTest {
    private static final int[] SIZES = {0, 1, 511, 512, 513, 8191, 8192, 8193, 20_000, 100};

    @Test
    void entriesLeftUnreadOrPartlyReadAreSkippedAsCommonsCompressSkipsThem() throws IOException {
        List<byte[]> contents = new ArrayList<>();
        byte[] tar = tar(contents);

        List<String> strict = readPattern(new StrictTarInputStream(new ByteArrayInputStream(tar)), contents);
        List<String> plain = readPattern(new TarArchiveInputStream(new ByteArrayInputStream(tar),
                StandardCharsets.UTF_8.name()), contents);

        assertThat(strict).isEqualTo(plain);
        // a line per directory, two per file, the count at the end
        assertThat(strict).contains("dir/", "long/" + "n".repeat(200) + "/ünïcødé.txt")
                .hasSize(1 + 2 * (SIZES.length + 1) + 1)
                .noneMatch(line -> line.contains("DIFFERENT"));
    }

    @Test
    void anArchiveCutInAnEntrysPaddingIsTruncatedForBoth() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            add(out, "a", new Random(1), 100, new ArrayList<>());
        }
        // the header, the 100 bytes, then 50 of the 412 zeros that pad them to a record
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), 512 + 100 + 50);

        assertThatThrownBy(() -> skipAll(new StrictTarInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class).hasMessageContaining("Truncated");
        assertThatThrownBy(() -> skipAll(new TarArchiveInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class).hasMessageContaining("Truncated");
    }

    @Test
    void skippingEntriesAllocatesNoBufferForEach() throws IOException {
        com.sun.management.ThreadMXBean threads = threadBean();
        int entries = 5_000;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            for (int i = 0; i < entries; i++) {
                TarArchiveEntry entry = new TarArchiveEntry("f" + i);
                entry.setSize(100);
                out.putArchiveEntry(entry);
                out.write(new byte[100]);
                out.closeArchiveEntry();
            }
        }
        skipAll(new StrictTarInputStream(new ByteArrayInputStream(bytes.toByteArray()))); // classes loaded, code warm

        long before = threads.getCurrentThreadAllocatedBytes();
        int seen = skipAll(new StrictTarInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(seen).isEqualTo(entries);
        // commons-compress alone takes two new 8 KiB arrays per entry here (80 MB); an entry's own objects are
        // far below 4 KiB
        assertThat(allocated / entries).isLessThan(4096);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes");
        return threads;
    }

    /** Files of {@link #SIZES}, a directory and a file with a long name; their contents are added to the list. */
    private static byte[] tar(List<byte[]> contents) throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setAddPaxHeadersForNonAsciiNames(true);
            out.putArchiveEntry(new TarArchiveEntry("dir/"));
            out.closeArchiveEntry();
            add(out, "long/" + "n".repeat(200) + "/ünïcødé.txt", random, 700, contents);
            for (int i = 0; i < SIZES.length; i++) {
                add(out, "file-" + i, random, SIZES[i], contents);
            }
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream out, String name, Random random, int size, List<byte[]> contents)
            throws IOException {
        byte[] content = new byte[size];
        random.nextBytes(content);
        contents.add(content);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
    }

    /**
     * Reads every third file whole, the next one half, the next not at all; returns each entry's name, the bytes
     * read of it and whether they matched, and the stream's byte count after the end.
     */
    private static List<String> readPattern(TarArchiveInputStream in, List<byte[]> contents) throws IOException {
        List<String> seen = new ArrayList<>();
        int file = 0;
        try (in) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                seen.add(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] expected = contents.get(file);
                int wanted = switch (file++ % 3) {
                    case 0 -> expected.length;
                    case 1 -> expected.length / 2;
                    default -> 0;
                };
                byte[] read = in.readNBytes(wanted);
                seen.add(entry.getName() + ": " + read.length + " bytes read, "
                        + (Arrays.equals(read, Arrays.copyOf(expected, wanted)) ? "as written" : "DIFFERENT"));
            }
            seen.add("bytes read: " + in.getBytesRead());
        }
        return seen;
    }

    private static int skipAll(TarArchiveInputStream in) throws IOException {
        int entries = 0;
        try (in) {
            while (in.getNextEntry() != null) {
                entries++;
            }
        }
        return entries;
    }
}
