package dev.backman.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeChecksumTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void isTheSha256OfSortedSha256sumLinesOfRegularFiles() throws Exception {
        FileEntry second = file("r/z.txt", B);
        FileEntry first = file("r/a.txt", A);
        FileEntry dir = new FileEntry("r", EntryType.DIR, 0, 0755, Instant.EPOCH, null, null, null);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((A + "  r/a.txt\n" + B + "  r/z.txt\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(TreeChecksum.of(List.of(second, dir, first))).isEqualTo(expected);
    }

    @Test
    void aTreeLargerThanOnePieceOfLinesHasTheChecksumOfAllItsLines() throws Exception {
        List<FileEntry> files = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) { // about 2.6 MB of lines, names with multi-byte characters
            String path = String.format("r/d\u00e9j\u00e0/%05d.txt", i);
            files.add(file(path, i % 2 == 0 ? A : B));
            text.append(i % 2 == 0 ? A : B).append("  ").append(path).append('\n');
        }
        java.util.Collections.reverse(files);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(TreeChecksum.of(files)).isEqualTo(expected);
    }

    @Test
    void changesWhenAnyFileChanges() {
        assertThat(TreeChecksum.of(List.of(file("r/a", A))))
                .isNotEqualTo(TreeChecksum.of(List.of(file("r/a", B))))
                .isNotEqualTo(TreeChecksum.of(List.of(file("r/b", A))));
    }

    private static FileEntry file(String path, String sha) {
        return new FileEntry(path, EntryType.FILE, 1, 0644, Instant.EPOCH, sha, null, "b1");
    }
}
