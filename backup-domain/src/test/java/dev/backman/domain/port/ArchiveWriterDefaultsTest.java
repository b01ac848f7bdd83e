package dev.backman.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.EntryType;
import dev.backman.domain.model.FileEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveWriterDefaultsTest {

    @Test
    void bytesReadWholeGoThroughTheStreamOfAWriterThatDoesNotTakeThemDirectly() throws IOException {
        StreamOnlyWriter writer = new StreamOnlyWriter();
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);

        writer.addFile(file("p/a.txt", 5), content, "ab".repeat(32));

        assertThat(writer.received).isEqualTo(Map.of("p/a.txt", "hello"));
    }

    @Test
    void bytesThatAreNotTheAnnouncedSizeAreRefused() {
        StreamOnlyWriter writer = new StreamOnlyWriter();
        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> writer.addFile(file("p/a.txt", 6), content, "ab".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p/a.txt");
        assertThat(writer.received).isEmpty();
    }

    private static FileEntry file(String path, long size) {
        return new FileEntry(path, EntryType.FILE, size, 0644, Instant.EPOCH, null, null, null, null);
    }

    /** Takes files from streams only, as test doubles and older writers do. */
    private static final class StreamOnlyWriter implements ArchiveWriter {
        final Map<String, String> received = new HashMap<>();

        @Override
        public void addDirectory(FileEntry entry) {
        }

        @Override
        public void addSymlink(FileEntry entry) {
        }

        @Override
        public void addFile(FileEntry entry, Path source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addFile(FileEntry entry, InputStream content) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.transferTo(bytes);
            received.put(entry.path(), bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void addDuplicate(FileEntry entry, FileEntry original) {
        }

        @Override
        public WriteSummary finish() {
            return new WriteSummary(Map.of(), List.of());
        }

        @Override
        public void close() {
        }
    }
}
