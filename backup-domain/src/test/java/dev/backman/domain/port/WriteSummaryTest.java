package dev.backman.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteSummaryTest {

    @Test
    void keepsItsOwnUnmodifiableCopiesOfTheMaps() {
        Map<String, String> digests = new HashMap<>(Map.of("p/a.txt", "aa", "p/b.txt", "bb"));
        Map<String, Integer> crcs = new HashMap<>(Map.of("p/a.txt", 1, "p/b.txt", 2));
        WriteSummary summary = new WriteSummary(digests, List.of(), crcs);
        digests.put("p/c.txt", "cc");
        crcs.remove("p/a.txt");

        assertThat(summary.sha256ByPath()).containsOnly(Map.entry("p/a.txt", "aa"), Map.entry("p/b.txt", "bb"));
        assertThat(summary.crc32cByPath()).containsOnly(Map.entry("p/a.txt", 1), Map.entry("p/b.txt", 2));
        assertThatThrownBy(() -> summary.sha256ByPath().put("p/d.txt", "dd"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summary.crc32cByPath().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findsEveryOneOfManyPathsThatShareLongPrefixes() {
        Map<String, String> digests = new HashMap<>();
        String prefix = "project/" + "deep/".repeat(20);
        for (int i = 0; i < 20_000; i++) {
            digests.put(prefix + "file-" + i + ".txt", Integer.toHexString(i));
        }
        WriteSummary summary = new WriteSummary(digests, List.of());

        assertThat(summary.sha256ByPath()).hasSize(20_000).isEqualTo(digests);
        assertThat(summary.sha256ByPath().get(prefix + "file-12345.txt")).isEqualTo(Integer.toHexString(12345));
        assertThat(summary.sha256ByPath().get(prefix + "file-20000.txt")).isNull();
        assertThat(summary.crc32cByPath()).isEmpty();
    }

    @Test
    void refusesMissingPathsAndValues() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("p/a.txt", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "aa");

        assertThatThrownBy(() -> new WriteSummary(nullValue, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WriteSummary(nullKey, List.of())).isInstanceOf(NullPointerException.class);
    }
}
