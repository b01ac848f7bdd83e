package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    private static final String[] PROPERTIES = {"org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir"};

    @TempDir
    Path dir;
    private final Properties saved = new Properties();

    @BeforeEach
    void clearProperties() {
        for (String name : PROPERTIES) {
            if (System.getProperty(name) != null) {
                saved.setProperty(name, System.getProperty(name));
            }
            System.clearProperty(name);
        }
    }

    @AfterEach
    void restoreProperties() {
        for (String name : PROPERTIES) {
            System.clearProperty(name);
        }
        saved.forEach((k, v) -> System.setProperty((String) k, (String) v));
    }

    @Test
    void writesTheDriversLibraryOnceAndPointsTheDriverAtIt() throws IOException {
        assertThat(new SqliteNativeLibrary(dir.resolve("lib")).install()).isTrue();

        Path folder = Path.of(System.getProperty("org.sqlite.lib.path"));
        Path library = folder.resolve(System.getProperty("org.sqlite.lib.name"));
        assertThat(folder).startsWith(dir.resolve("lib"));
        assertThat(library).exists();
        assertThat(System.getProperty("org.sqlite.tmpdir")).isEqualTo(folder.toString());
        try (InputStream original = LibraryLoaderUtil.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(library)).isEqualTo(original.readAllBytes());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("no partial copy left").containsExactly(library);
        }

        FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, written);
        System.clearProperty("org.sqlite.lib.path");
        assertThat(new SqliteNativeLibrary(dir.resolve("lib")).install()).isTrue();
        assertThat(Files.getLastModifiedTime(library)).as("found, not written again").isEqualTo(written);
    }

    @Test
    void leavesALibraryPathTheHostChoseAlone() {
        System.setProperty("org.sqlite.lib.path", "/somewhere/else");

        assertThat(new SqliteNativeLibrary(dir.resolve("lib")).install()).isFalse();

        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/somewhere/else");
        assertThat(dir.resolve("lib")).doesNotExist();
    }

    @Test
    void aDirectoryThatCannotBeCreatedLeavesTheDriversDefault() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("lib"), "a file where the directory would go");

        assertThat(new SqliteNativeLibrary(notADirectory).install()).isFalse();

        for (String name : PROPERTIES) {
            assertThat(System.getProperty(name)).as(name).isNull();
        }
    }
}
