package dev.backman.filesystem.archive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;

/**
 * Guesses from a file's first bytes whether deflating it is worth the time: a fast level-1 deflate of the sample
 * must save at least {@link #MIN_SAVING} of it. Already-compressed and random data is then stored, which costs
 * nothing to write and to read. Thread-safe: each compression thread gets its own deflater.
 */
final class CompressibilityProbe implements AutoCloseable {

    static final int SAMPLE_SIZE = 64 * 1024;
    static final double MIN_SAVING = 0.05;

    private final List<Deflater> created = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Deflater> deflaters = ThreadLocal.withInitial(this::newDeflater);
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[SAMPLE_SIZE]);

    /** True if deflate shrinks the first {@code length} bytes of {@code sample} enough to be worth it. */
    boolean worthDeflating(byte[] sample, int length) {
        if (length == 0) {
            return false;
        }
        Deflater deflater = deflaters.get();
        byte[] out = scratch.get();
        long budget = (long) (length * (1 - MIN_SAVING));
        long produced = 0;
        try {
            deflater.setInput(sample, 0, length);
            deflater.finish();
            while (!deflater.finished() && produced <= budget) {
                produced += deflater.deflate(out);
            }
            return produced <= budget;
        } finally {
            deflater.reset();
        }
    }

    @Override
    public void close() {
        created.forEach(Deflater::end);
        created.clear();
    }

    private Deflater newDeflater() {
        Deflater deflater = new Deflater(1, true);
        created.add(deflater);
        return deflater;
    }
}
