package dev.backman.filesystem.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Turns a file's bytes into a zip entry's payload, deflated or stored, on whichever thread calls it. Data whose
 * start looks random ({@link ByteEntropy}) is stored at once; otherwise the first {@link #PROBE_SIZE} bytes are
 * deflated and flushed first, and data that does not shrink by {@link #MIN_SAVING} there (already-compressed
 * data) is stored too, which costs nothing more to write or read. For everything else the probe's output is
 * simply the start of the entry. Thread-safe: each thread gets its own deflater.
 */
final class EntryCompressor implements AutoCloseable {

    static final int PROBE_SIZE = ChunkPool.CHUNK_SIZE;
    static final double MIN_SAVING = 0.05;

    private final int level;
    private final ChunkPool pool;
    private final SpillFiles spills;
    private final List<ChunkDeflater> created = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ChunkDeflater> deflaters = ThreadLocal.withInitial(this::newDeflater);

    EntryCompressor(int level, ChunkPool pool, SpillFiles spills) {
        this.level = level;
        this.pool = pool;
        this.spills = spills;
    }

    /** Compresses bytes held in memory into memory; {@code input} is released or becomes the payload. */
    CompressedEntry inMemory(ZipArchiveEntry header, ChunkedBytes input) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < input.chunkCount(); i++) {
            crc.update(input.chunk(i), 0, input.lengthOf(i));
        }
        ChunkedBytes output = new ChunkedBytes(pool);
        long size = input.length();
        if (deflated(input, output)) {
            input.release();
            header.setMethod(ZipArchiveEntry.DEFLATED);
            long compressedSize = output.length();
            return finish(header, crc, size, compact(output), compressedSize);
        }
        output.release();
        header.setMethod(ZipArchiveEntry.STORED);
        return finish(header, crc, size, compact(input), size);
    }

    /**
     * Compresses the {@code size} bytes of {@code source} (more than {@link #PROBE_SIZE}) into a temporary file,
     * streaming: the probe alone decides the method.
     */
    CompressedEntry spilled(ZipArchiveEntry header, InputStream source, long size) throws IOException {
        if (size <= PROBE_SIZE) {
            throw new IllegalArgumentException("only files longer than the probe are spilled: " + size);
        }
        SpillFiles.Spilled spill = spills.create();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spill.file()), IoBuffers.SIZE)) {
            CountingSink sink = new CountingSink(out);
            CRC32 crc = new CRC32();
            ChunkedBytes probe = new ChunkedBytes(pool);
            try {
                probe.readFrom(source, Math.min(size, PROBE_SIZE));
                crc.update(probe.chunk(0), 0, probe.lengthOf(0));
                ChunkedBytes probeOutput = new ChunkedBytes(pool);
                try {
                    boolean deflate = probeDeflates(probe, probeOutput);
                    header.setMethod(deflate ? ZipArchiveEntry.DEFLATED : ZipArchiveEntry.STORED);
                    sink.write(deflate ? probeOutput : probe);
                } finally {
                    probeOutput.release();
                }
                streamRest(source, header.getMethod() == ZipArchiveEntry.DEFLATED, probe.chunk(0), crc, sink);
            } finally {
                probe.release();
            }
            out.flush();
            return finish(header, crc, size, spill, sink.count());
        } catch (IOException | RuntimeException e) {
            spill.release();
            throw e;
        } finally {
            deflaters.get().reset();
        }
    }

    @Override
    public void close() {
        created.forEach(ChunkDeflater::close);
        created.clear();
    }

    /** Deflates {@code input} into {@code output}, or gives up (false) as soon as it is clearly not worth it. */
    private boolean deflated(ChunkedBytes input, ChunkedBytes output) {
        if (input.length() == 0 || ByteEntropy.looksRandom(input.chunk(0), input.lengthOf(0))) {
            return false;
        }
        ChunkDeflater deflater = deflaters.get();
        try {
            for (int i = 0; i < input.chunkCount(); i++) {
                if (i == 0 && input.chunkCount() > 1) {
                    deflater.flush(input.chunk(0), input.lengthOf(0), output);
                    if (!worthIt(output.length(), input.lengthOf(0))) {
                        return false;
                    }
                } else {
                    deflater.deflate(input.chunk(i), input.lengthOf(i), output);
                }
            }
            deflater.finish(output);
            return worthIt(output.length(), input.length());
        } finally {
            deflater.reset();
        }
    }

    /** Deflates the probe into {@code output} (the thread's deflater goes on with the rest); true if worth it. */
    private boolean probeDeflates(ChunkedBytes probe, ChunkedBytes output) {
        if (ByteEntropy.looksRandom(probe.chunk(0), probe.lengthOf(0))) {
            return false;
        }
        deflaters.get().flush(probe.chunk(0), probe.lengthOf(0), output);
        return worthIt(output.length(), probe.length());
    }

    /** After the probe: the rest of the source, deflated by the thread's deflater or stored. */
    private void streamRest(InputStream source, boolean deflate, byte[] buffer, CRC32 crc, CountingSink sink)
            throws IOException {
        ChunkDeflater deflater = deflaters.get();
        ChunkedBytes output = new ChunkedBytes(pool);
        try {
            int n;
            while ((n = source.readNBytes(buffer, 0, buffer.length)) > 0) {
                crc.update(buffer, 0, n);
                if (deflate) {
                    deflater.deflate(buffer, n, output);
                    sink.writeAndClear(output);
                } else {
                    sink.write(buffer, n);
                }
            }
            if (deflate) {
                deflater.finish(output);
                sink.writeAndClear(output);
            }
        } finally {
            output.release();
        }
    }

    private static boolean worthIt(long compressed, long original) {
        return compressed <= original * (1 - MIN_SAVING);
    }

    private ZipPayload compact(ChunkedBytes bytes) {
        return bytes.length() < ChunkPool.CHUNK_SIZE ? SmallPayload.copyOf(bytes) : bytes;
    }

    private static CompressedEntry finish(ZipArchiveEntry header, CRC32 crc, long size, ZipPayload payload,
                                          long storedSize) {
        header.setCrc(crc.getValue());
        header.setSize(size);
        header.setCompressedSize(header.getMethod() == ZipArchiveEntry.STORED ? size : storedSize);
        return new CompressedEntry(header, payload);
    }

    private ChunkDeflater newDeflater() {
        ChunkDeflater deflater = new ChunkDeflater(level);
        created.add(deflater);
        return deflater;
    }
}
