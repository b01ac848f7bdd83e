package dev.backman.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Source trees made and changed from a seeded random generator: text and random files, a link, an empty dir. */
final class RandomTree {
    private static final String[] WORDS = {"backup", "chain", "archive", "manifest", "restore", "verify", "prune",
        "catalog", "lock", "kill"};
    private final Random random;

    RandomTree(Random random) {
        this.random = random;
    }

    /** Creates {@code files} files of up to {@code maxBytes} below {@code root}, in a few directories. */
    void create(Path root, int files, int maxBytes) throws IOException {
        Files.createDirectories(root.resolve("empty"));
        for (int i = 0; i < files; i++) {
            write(root.resolve("d" + (i % 3) + "/f" + i + (i % 2 == 0 ? ".txt" : ".bin")), maxBytes);
        }
        Files.createSymbolicLink(root.resolve("link"), Path.of("d0/f0.txt"));
    }

    /** Rewrites two files, adds one and deletes one. */
    void change(Path root, int maxBytes) throws IOException {
        List<Path> files = files(root);
        write(files.get(random.nextInt(files.size())), maxBytes);
        write(files.get(random.nextInt(files.size())), maxBytes);
        write(root.resolve("d" + random.nextInt(3) + "/new-" + random.nextInt(1_000_000) + ".txt"), maxBytes);
        Path gone = files.get(random.nextInt(files.size()));
        if (files.size() > 3 && !gone.endsWith("f0.txt")) {
            Files.deleteIfExists(gone);
        }
    }

    private void write(Path file, int maxBytes) throws IOException {
        Files.createDirectories(file.getParent());
        int size = random.nextInt(maxBytes);
        if (file.toString().endsWith(".bin")) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Files.write(file, bytes);
        } else {
            StringBuilder text = new StringBuilder(size + 16);
            while (text.length() < size) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? '\n' : ' ');
            }
            Files.writeString(file, text);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }
}
