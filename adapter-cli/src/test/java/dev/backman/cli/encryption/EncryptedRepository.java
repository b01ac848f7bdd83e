package dev.backman.cli.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A project tree with a secret marker in a file's name and content, and the passphrase files of a test. */
final class EncryptedRepository {
    static final String MARKER = "SECRETMARKER7f3a";
    static final String PASSPHRASE = "correct horse battery staple";
    static final String OTHER_PASSPHRASE = "a different one";

    private EncryptedRepository() {
    }

    static Path project(Path dir) throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve(MARKER + "-plan.txt"), "the plan: " + MARKER + "\n");
        Files.writeString(project.resolve("sub/notes.md"), ("notes " + MARKER + "\n").repeat(2_000));
        Files.writeString(project.resolve("sub/other.txt"), "nothing secret\n");
        return project;
    }

    static void passphraseFiles(Path dir) throws IOException {
        Files.writeString(dir.resolve("pass.txt"), PASSPHRASE + "\n");
        Files.writeString(dir.resolve("other-pass.txt"), OTHER_PASSPHRASE + "\n");
    }

    /** Every regular file under {@code root} that holds {@code text} (UTF-8) in its bytes or its name. */
    static List<Path> filesMentioning(Path root, String text) {
        byte[] needle = text.getBytes(UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.toString().contains(text) || indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Names and contents of every file under {@code root}, to compare before and after. */
    static List<String> snapshot(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<String> result = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                result.add(root.relativize(file) + (Files.isRegularFile(file)
                        ? ":" + java.util.Arrays.hashCode(Files.readAllBytes(file)) : ""));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
