package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.port.Checksums;
import dev.backman.domain.port.ScannedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadWholeTest {
    private final Checksums checksums = new Checksums() {
        @Override
        public String sha256(Path file) {
            throw new AssertionError("the file is read once, by ReadWhole itself");
        }

        @Override
        public String sha256(InputStream in) throws IOException {
            return hex(in.readAllBytes());
        }
    };

    @TempDir
    Path dir;

    @Test
    void readsAFileOfItsScannedSizeWithTheDigestOfThoseBytes() throws IOException {
        byte[] content = "small file\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.txt"), content);

        ReadWhole whole = ReadWhole.of(scanned(file, content.length), checksums);

        assertThat(whole).isNotNull();
        assertThat(whole.bytes()).isEqualTo(content);
        assertThat(whole.bytes()).isEqualTo(content);
        assertThat(whole.sha256()).isEqualTo(hex(content));
    }

    @Test
    void aFileThatGrewShrankOrVanishedSinceTheScanIsLeftToTheArchiver() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "twelve bytes");

        assertThat(ReadWhole.of(scanned(file, 11), checksums)).isNull(); // grew by one
        assertThat(ReadWhole.of(scanned(file, 13), checksums)).isNull(); // shrank by one
        assertThat(ReadWhole.of(scanned(dir.resolve("gone.txt"), 12), checksums)).isNull();
        assertThat(ReadWhole.of(scanned(file, 12), checksums)).isNotNull();
    }

    private static ScannedEntry scanned(Path file, long size) {
        return new ScannedEntry(file.getFileName().toString(), file, EntryType.FILE, size, 0644,
                Instant.parse("2026-11-30T00:00:00Z"), null, null);
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
