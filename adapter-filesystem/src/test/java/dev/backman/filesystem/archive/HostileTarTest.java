package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveItem;
import dev.backman.domain.port.ArchiveReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tar metadata that commons-compress would read whole into memory or follow by recursion: a few kilobytes of
 * tar.zst must not claim the heap or the stack. Each archive is refused as damage, quickly.
 */
class HostileTarTest {
    private static final int MIB = 1 << 20;

    private final CommonsCompressArchiveCodec codec = new CommonsCompressArchiveCodec(2);

    @TempDir
    Path dir;

    @Test
    void aLongNameOfManyMegabytesIsRefusedWithoutReadingItIntoMemory() throws IOException {
        Path archive = tarZst(out -> {
            header(out, "././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, 64L * MIB);
            repeat(out, (byte) 'x', 64L * MIB);
            fileAndEnd(out);
        });

        assertRefused(archive, "long-name or PAX header of " + 64L * MIB + " bytes");
    }

    @Test
    void aPaxHeaderOfManyMegabytesIsRefused() throws IOException {
        long size = 8L * MIB;
        Path archive = tarZst(out -> {
            header(out, "PaxHeaders/x", TarConstants.LF_PAX_EXTENDED_HEADER_LC, size);
            String prefix = size + " path=";
            out.write(prefix.getBytes(StandardCharsets.US_ASCII));
            repeat(out, (byte) 'y', size - prefix.length() - 1);
            out.write('\n');
            padTo512(out, size);
            fileAndEnd(out);
        });

        assertRefused(archive, "long-name or PAX header of " + size + " bytes");
    }

    @Test
    void aLongRunOfLongNameHeadersIsRefusedInsteadOfOverflowingTheStack() throws IOException {
        Path archive = tarZst(out -> {
            for (int i = 0; i < 20_000; i++) {
                header(out, "././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, 3);
                byte[] block = new byte[512];
                block[0] = 'a';
                out.write(block);
            }
            fileAndEnd(out);
        });

        assertRefused(archive, "in a row");
    }

    @Test
    void ordinaryLongNamesAndPaxHeadersStillRead() throws IOException {
        String longName = "root/" + "n".repeat(300) + "/ünïcødé file.txt";
        Path archive = tarZst(out -> {
            header(out, "././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, longName.getBytes(StandardCharsets.UTF_8)
                    .length + 1);
            byte[] name = Arrays.copyOf(longName.getBytes(StandardCharsets.UTF_8), 512);
            out.write(name);
            header(out, "short", TarConstants.LF_NORMAL, 2);
            out.write(Arrays.copyOf("ok".getBytes(StandardCharsets.US_ASCII), 512));
            out.write(new byte[1024]);
        });

        try (ArchiveReader reader = codec.newReader(CompressionType.TAR_ZST, new PathStoredObject(archive))) {
            ArchiveItem item = reader.next().orElseThrow();
            assertThat(item.name()).isEqualTo(longName);
            assertThat(item.content().readAllBytes()).asString().isEqualTo("ok");
            assertThat(reader.next()).isEmpty();
        }
    }

    private void assertRefused(Path archive, String why) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> readEverything(archive))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(archive.getFileName().toString())
                .hasMessageContaining("corrupt or truncated")
                .hasMessageContaining(why);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to refuse").isLessThan(5_000);
    }

    private void readEverything(Path archive) throws IOException {
        try (ArchiveReader reader = codec.newReader(CompressionType.TAR_ZST, new PathStoredObject(archive))) {
            for (Optional<ArchiveItem> item = reader.next(); item.isPresent(); item = reader.next()) {
                item.get().content().transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private Path tarZst(TarBody body) throws IOException {
        Path archive = dir.resolve("hostile.tar.zst");
        try (OutputStream out = new BufferedOutputStream(new ZstdOutputStream(Files.newOutputStream(archive)), MIB)) {
            body.write(out);
        }
        return archive;
    }

    private static void header(OutputStream out, String name, byte type, long size) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setSize(size);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header);
        out.write(header);
    }

    private static void repeat(OutputStream out, byte value, long count) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, value);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }

    private static void padTo512(OutputStream out, long written) throws IOException {
        int rest = (int) (written % 512);
        if (rest != 0) {
            out.write(new byte[512 - rest]);
        }
    }

    private static void fileAndEnd(OutputStream out) throws IOException {
        header(out, "root/file", TarConstants.LF_NORMAL, 0);
        out.write(new byte[1024]);
    }

    /** Writes the raw tar stream. */
    private interface TarBody {
        void write(OutputStream out) throws IOException;
    }
}
