package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Damages archives the way a bad disk would: some bytes of a stored file change, the archive's size does not. */
final class ArchiveDamage {
    private ArchiveDamage() {
    }

    /** Overwrites the first occurrence of {@code original} in {@code archive} with the same-length {@code replacement}. */
    static void replace(Path archive, String original, String replacement) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(original);
        assertThat(at).as("content found in the archive").isNotNegative();
        byte[] damaged = replacement.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(damaged, 0, bytes, at, damaged.length);
        Files.write(archive, bytes);
    }
}
