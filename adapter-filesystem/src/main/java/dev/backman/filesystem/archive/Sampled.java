package dev.backman.filesystem.archive;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * The first bytes of a file, read once, and a stream that replays them before the rest of the file: the sample
 * decides the zip method without a second read.
 *
 * @param sample the first {@code length} bytes of the file
 * @param length how many bytes the sample holds (less than its capacity for short files)
 * @param stream the whole file, sample included
 */
record Sampled(byte[] sample, int length, InputStream stream) {

    static Sampled read(InputStream file, long expectedSize) throws IOException {
        int capacity = (int) Math.min(CompressibilityProbe.SAMPLE_SIZE, Math.max(expectedSize, 0));
        byte[] sample = new byte[capacity];
        int length = file.readNBytes(sample, 0, capacity);
        InputStream rest = expectedSize > capacity
                ? new BufferedInputStream(file, IoBuffers.SIZE) : file;
        return new Sampled(sample, length, new SequenceInputStream(new ByteArrayInputStream(sample, 0, length), rest));
    }
}
