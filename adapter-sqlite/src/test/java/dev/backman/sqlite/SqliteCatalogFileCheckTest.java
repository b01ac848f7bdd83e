package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.CatalogFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SqliteCatalogFileCheckTest {
    @TempDir
    Path dir;

    static Stream<Named<byte[]>> notDatabases() {
        byte[] random = new byte[8192];
        new Random(42).nextBytes(random);
        byte[] headerThenGarbage = new byte[8192];
        new Random(7).nextBytes(headerThenGarbage);
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, headerThenGarbage, 0, magic.length);
        return Stream.of(
                Named.of("random bytes", random),
                Named.of("a text file", "source_paths: [./src]\n".getBytes(StandardCharsets.UTF_8)),
                Named.of("three bytes", new byte[] {1, 2, 3}),
                Named.of("an SQLite header on garbage", headerThenGarbage));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notDatabases")
    void fileThatIsNotADatabaseFailsAtOpenAndIsLeftUnchanged(byte[] content) throws Exception {
        Path file = dir.resolve("catalog.db");
        Files.write(file, content);

        assertThatThrownBy(() -> SqliteBackupCatalog.open(file))
                .isInstanceOf(CatalogFailure.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("backman catalog rebuild");

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notDatabases")
    void fileWithoutTheSqliteHeaderIsRefusedBeforeSqliteTouchesIt(byte[] content) throws Exception {
        if (new String(content, 0, Math.min(6, content.length), StandardCharsets.US_ASCII).equals("SQLite")) {
            return; // only the header check can promise this; SQLite itself reports the garbage body
        }
        Path file = dir.resolve("catalog.db");
        Files.write(file, content);

        assertThatThrownBy(() -> SqliteBackupCatalog.open(file)).isInstanceOf(CatalogFailure.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
