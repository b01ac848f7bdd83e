package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.backman.domain.model.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** tar.zst archives are compressed tighter than zstd's level 3, and stay a plain zstd stream. */
class ZstdSettingsTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void sourceLikeTextIsSmallerThanAtLevelThreeAndDecodesWithAPlainReader() throws IOException {
        byte[] text = sourceLikeText(6 << 20);

        byte[] ours = compressed(text);
        byte[] levelThree = levelThree(text);

        // 2.6 % on the benchmark's mixed corpus; this text is of the same kind
        assertThat((double) ours.length).isLessThan(levelThree.length * 0.985);
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(ours))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }

    private byte[] compressed(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = TarCompression.compressing(CompressionType.TAR_ZST, bytes, pool, 2)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] levelThree(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZstdOutputStream out = new ZstdOutputStream(bytes, RecyclingBufferPool.INSTANCE)) {
            out.setLevel(3);
            out.setWorkers(2);
            out.setJobSize(2 << 20);
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** Seeded words, numbers and punctuation drawn from a fixed vocabulary, as generated source files are. */
    private static byte[] sourceLikeText(int size) {
        Random random = new Random(42);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            StringBuilder word = new StringBuilder();
            for (int syllables = 1 + random.nextInt(3); syllables > 0; syllables--) {
                word.append("bcdfghjklmnprstvwxz".charAt(random.nextInt(19))).append("aeiou".charAt(random.nextInt(5)));
            }
            vocabulary.add(word.toString());
        }
        String[] punctuation = {" = ", "(", ")", " {\n    ", ";\n", ".", ", ", " + ", "\n}\n", " == "};
        StringBuilder text = new StringBuilder(size + 64);
        while (text.length() < size) {
            if (random.nextInt(3) == 0) {
                text.append(punctuation[random.nextInt(punctuation.length)]);
            } else if (random.nextInt(8) == 0) {
                text.append(random.nextInt(100_000));
            } else {
                text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
            }
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
