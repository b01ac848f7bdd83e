package dev.backman.filesystem.archive;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import dev.backman.domain.port.ArchiveWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small source tree with everything archives get wrong: long and non-ASCII names, spaces, empty files and
 * directories, symlinks (one with a long, dangling target), odd modes, old and odd-second mtimes, an
 * incompressible file and a duplicate. Source files get plain names; the entry names carry the difficulty.
 */
final class TrickyTree {

    static final String LONG_DIR_1 = "d".repeat(90);
    static final String LONG_DIR_2 = "e".repeat(90);
    static final String LONG_FILE = "src/" + LONG_DIR_1 + "/" + LONG_DIR_2 + "/" + "f".repeat(120) + ".bin";
    static final String HELLO = "src/a dir with spaces/hello world.txt";
    static final String UNICODE_FILE = "src/ünïcödé-目录/файл 😀.txt";
    static final String DUPLICATE = "src/copy of hello.txt";

    /** What was added, in order; {@code duplicateOf} is set for entries added with addDuplicate. */
    record Item(FileEntry entry, Path source, byte[] content, FileEntry duplicateOf) {
    }

    private final Path sources;
    private final List<Item> items = new ArrayList<>();
    private int counter;
    private long nextMtime = 1_600_000_001L; // odd: DOS time alone would round it

    private TrickyTree(Path sources) {
        this.sources = sources;
    }

    static TrickyTree create(Path sourceDirectory) throws IOException {
        Files.createDirectories(sourceDirectory);
        TrickyTree tree = new TrickyTree(sourceDirectory);
        tree.dir("src", 0755);
        tree.dir("src/a dir with spaces", 0750);
        FileEntry hello = tree.file(HELLO, 0644, "hello world\n".getBytes(StandardCharsets.UTF_8));
        tree.dir("src/ünïcödé-目录", 0755);
        tree.file(UNICODE_FILE, 0600, "привет, 世界 🌍\n".getBytes(StandardCharsets.UTF_8));
        tree.dir("src/" + LONG_DIR_1, 0755);
        tree.dir("src/" + LONG_DIR_1 + "/" + LONG_DIR_2, 0755);
        tree.file(LONG_FILE, 0755, randomBytes(200 * 1024));
        tree.file("src/compressible.txt", 0644, compressibleText(300 * 1024));
        tree.file("src/empty.txt", 0644, new byte[0], Instant.ofEpochSecond(1)); // before DOS time's 1980
        // before 1970: tar's octal mtime field cannot hold it, so it needs a pax header (BIGNUMBER_POSIX)
        tree.file("src/old.txt", 0444, "old\n".getBytes(StandardCharsets.US_ASCII), Instant.ofEpochSecond(-1_000_001));
        tree.dir("src/empty", 0700);
        tree.dir("src/empty/nested", 0755);
        tree.dir("src/empty/nested/deeper", 0700);
        tree.symlink("src/link to hello", "a dir with spaces/hello world.txt");
        tree.symlink("src/long-link", "../" + "t".repeat(150) + "/dangling target");
        tree.duplicate(DUPLICATE, hello);
        return tree;
    }

    List<Item> items() {
        return items;
    }

    /** Entries by path, duplicates included. */
    Map<String, Item> byPath() {
        Map<String, Item> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(item.entry().path(), item));
        return map;
    }

    void writeTo(ArchiveWriter writer) throws IOException {
        for (Item item : items) {
            FileEntry entry = item.entry();
            if (item.duplicateOf() != null) {
                writer.addDuplicate(entry, item.duplicateOf());
            } else {
                switch (entry.type()) {
                    case DIR -> writer.addDirectory(entry);
                    case SYMLINK -> writer.addSymlink(entry);
                    case FILE -> writer.addFile(entry, item.source());
                }
            }
        }
    }

    static FileEntry entry(String path, EntryType type, long size, int mode, Instant mtime, String target) {
        return new FileEntry(path, type, size, mode, mtime, null, target, null);
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    static byte[] compressibleText(int size) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; text.length() < size; line++) {
            text.append("line ").append(line).append(": the quick brown fox jumps over the lazy dog\n");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private void dir(String path, int mode) {
        items.add(new Item(entry(path, EntryType.DIR, 0, mode, mtime(), null), null, null, null));
    }

    private FileEntry file(String path, int mode, byte[] content) throws IOException {
        return file(path, mode, content, mtime());
    }

    private FileEntry file(String path, int mode, byte[] content, Instant mtime) throws IOException {
        Path source = Files.write(sources.resolve("source-" + counter++), content);
        FileEntry entry = entry(path, EntryType.FILE, content.length, mode, mtime, null);
        items.add(new Item(entry, source, content, null));
        return entry;
    }

    private void symlink(String path, String target) {
        items.add(new Item(entry(path, EntryType.SYMLINK, 0, 0777, mtime(), target), null, null, null));
    }

    private void duplicate(String path, FileEntry original) {
        FileEntry entry = entry(path, EntryType.FILE, original.size(), original.mode(), mtime(), null);
        Item source = items.stream().filter(i -> i.entry().equals(original)).findFirst().orElseThrow();
        items.add(new Item(entry, source.source(), source.content(), original));
    }

    private Instant mtime() {
        nextMtime += 86_399; // a day minus a second: every entry gets a different, odd-or-even second
        return Instant.ofEpochSecond(nextMtime);
    }
}
