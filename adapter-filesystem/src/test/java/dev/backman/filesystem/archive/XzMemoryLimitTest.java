package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.model.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.MemoryLimitException;
import org.tukaani.xz.XZOutputStream;

/** An xz stream may not make the reader allocate what its header asks for beyond a limit. */
class XzMemoryLimitTest {

    @Test
    void aStreamNeedingMoreThanTheLimitIsRefusedBeforeItsDictionaryIsAllocated() throws IOException {
        byte[] xz = xz("hello".getBytes(), 8 << 20); // an 8 MiB dictionary needs about 9 MiB to decompress

        assertThatThrownBy(() -> TarCompression.decompressing(CompressionType.TAR_XZ, new ByteArrayInputStream(xz),
                1024).read()).isInstanceOf(MemoryLimitException.class);
        try (InputStream in = TarCompression.decompressing(CompressionType.TAR_XZ, new ByteArrayInputStream(xz))) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
        }
        assertThat(TarCompression.XZ_MEMORY_LIMIT_KIB).isLessThanOrEqualTo(256 * 1024);
    }

    private static byte[] xz(byte[] content, int dictionarySize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LZMA2Options options = new LZMA2Options();
        options.setDictSize(dictionarySize);
        try (OutputStream out = new XZOutputStream(bytes, options)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
