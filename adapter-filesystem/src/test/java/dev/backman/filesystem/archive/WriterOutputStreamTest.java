package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The caller owns the output stream: writers flush everything into it but never close it. */
class WriterOutputStreamTest {

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void finishWritesTheWholeArchiveAndLeavesTheStreamOpen(CompressionType type) throws Exception {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        CloseRecordingStream out = new CloseRecordingStream();

        ArchiveWriter writer = codec.newWriter(type, out);
        tree.writeTo(writer);
        writer.finish();
        assertThat(out.closed).isFalse();
        int complete = out.size();
        writer.close();

        assertThat(out.size()).as("nothing is written after finish").isEqualTo(complete);
        assertThat(out.closed).isFalse();
        // everything was flushed by finish: what the stream holds reads back completely
        Path archive = Files.write(ArchiveFiles.archivePath(dir, type), out.toByteArray());
        assertThat(ArchiveFiles.readAll(codec, type, archive)).containsKey(TrickyTree.LONG_FILE);
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void anAbandonedWriterNeitherClosesNorAppendsToTheStream(CompressionType type) throws Exception {
        TrickyTree tree = TrickyTree.create(dir.resolve("sources"));
        CloseRecordingStream out = new CloseRecordingStream();
        ArchiveWriter writer = codec.newWriter(type, out);
        tree.writeTo(writer);
        int before = out.size();

        writer.close();

        assertThat(out.closed).isFalse();
        assertThat(out.size()).as("no trailer is appended to an abandoned archive").isEqualTo(before);
    }

    private static final class CloseRecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
