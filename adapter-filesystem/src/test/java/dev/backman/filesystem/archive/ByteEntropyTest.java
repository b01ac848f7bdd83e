package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class ByteEntropyTest {

    @Test
    void randomAndCompressedBytesLookRandom() throws Exception {
        assertThat(ByteEntropy.looksRandom(TrickyTree.randomBytes(ByteEntropy.SAMPLE), ByteEntropy.SAMPLE)).isTrue();
        byte[] deflated = deflate(java.util.Base64.getEncoder().encode(TrickyTree.randomBytes(100_000)));
        assertThat(deflated.length).isGreaterThan(ByteEntropy.MIN_SAMPLE);
        assertThat(ByteEntropy.looksRandom(deflated, deflated.length)).isTrue();
    }

    @Test
    void textZerosAndBase64DoNotLookRandom() {
        byte[] text = TrickyTree.compressibleText(ByteEntropy.SAMPLE);
        assertThat(ByteEntropy.looksRandom(text, text.length)).isFalse();
        assertThat(ByteEntropy.looksRandom(new byte[ByteEntropy.SAMPLE], ByteEntropy.SAMPLE)).isFalse();
        byte[] base64 = java.util.Base64.getEncoder().encode(TrickyTree.randomBytes(ByteEntropy.SAMPLE));
        assertThat(ByteEntropy.looksRandom(base64, base64.length)).as("6 bits per byte: deflate saves 20 %").isFalse();
    }

    @Test
    void aRandomKibibyteIsRecognisedDespiteItsSmallSample() {
        byte[] random = TrickyTree.randomBytes(ByteEntropy.MIN_SAMPLE);
        assertThat(ByteEntropy.looksRandom(random, random.length)).isTrue();
        byte[] text = TrickyTree.compressibleText(ByteEntropy.MIN_SAMPLE);
        assertThat(ByteEntropy.looksRandom(text, text.length)).isFalse();
    }

    @Test
    void smallSamplesAreNeverJudged() {
        byte[] random = TrickyTree.randomBytes(ByteEntropy.MIN_SAMPLE - 1);
        assertThat(ByteEntropy.looksRandom(random, random.length)).isFalse();
    }

    private static byte[] deflate(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(bytes);
        }
        return out.toByteArray();
    }
}
