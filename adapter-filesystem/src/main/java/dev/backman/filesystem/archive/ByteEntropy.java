package dev.backman.filesystem.archive;

/**
 * Spots random-looking data (compressed files, media, encrypted data) from its byte histogram, far cheaper than
 * trying to deflate it: when every byte value is about equally frequent, deflate's Huffman coding cannot save
 * anything, and such data rarely holds repeats for its matching to find.
 */
final class ByteEntropy {

    /** Bytes looked at; random data then scores about 7.99 bits per byte. */
    static final int SAMPLE = 16 * 1024;
    /** Fewer bytes say too little, even with the small-sample correction. */
    static final int MIN_SAMPLE = 1024;
    static final double RANDOM_BITS_PER_BYTE = 7.9;

    private ByteEntropy() {
    }

    /** True if the first bytes of {@code data} look random; always false for fewer than {@link #MIN_SAMPLE}. */
    static boolean looksRandom(byte[] data, int length) {
        int n = Math.min(length, SAMPLE);
        if (n < MIN_SAMPLE) {
            return false;
        }
        int[] counts = new int[256];
        for (int i = 0; i < n; i++) {
            counts[data[i] & 0xff]++;
        }
        double nats = 0;
        int seen = 0;
        for (int count : counts) {
            if (count > 0) {
                seen++;
                double p = (double) count / n;
                nats -= p * Math.log(p);
            }
        }
        // Miller-Madow: a sample's entropy runs low by about (values seen - 1) / 2n, which matters below a few KiB
        nats += (seen - 1) / (2.0 * n);
        return nats / Math.log(2) > RANDOM_BITS_PER_BYTE;
    }
}
