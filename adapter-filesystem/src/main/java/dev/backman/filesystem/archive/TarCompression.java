package dev.backman.filesystem.archive;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.backman.domain.model.CompressionType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** The compression layer under a tar stream, one per tar format, with the buffering each one wants. */
final class TarCompression {

    static final int ZSTD_LEVEL = 4;
    static final int GZIP_LEVEL = 6;

    private TarCompression() {
    }

    /**
     * Wraps {@code sink} in the compressor of {@code type}; closing the result writes the compressor's trailer.
     * {@code pool} (with {@code threads} threads) compresses gzip blocks; zstd uses its own native workers.
     */
    static OutputStream compressing(CompressionType type, OutputStream sink, ExecutorService pool, int threads)
            throws IOException {
        return switch (type) {
            case TAR -> buffered(sink);
            case TAR_GZ -> new ParallelGzipOutputStream(sink, pool, threads, GZIP_LEVEL);
            // bzip2 and xz emit their output a few bytes at a time: buffer below them too
            case TAR_BZ2 -> buffered(new BZip2CompressorOutputStream(buffered(sink)));
            case TAR_ZST -> buffered(zstd(sink, threads));
            case TAR_XZ -> buffered(new XZOutputStream(buffered(sink), new LZMA2Options()));
            case ZIP -> throw new IllegalArgumentException("zip is not a tar format");
        };
    }

    /** Decompresses {@code raw} for {@code type}; multi-member/multi-frame streams (pigz, pbzip2) are read whole. */
    static InputStream decompressing(CompressionType type, InputStream raw) throws IOException {
        return decompressing(type, raw, XZ_MEMORY_LIMIT_KIB);
    }

    /**
     * As {@link #decompressing(CompressionType, InputStream)}, with the memory an xz stream may ask for: its header
     * says how large a dictionary to allocate, and a hostile one would claim gigabytes.
     */
    static InputStream decompressing(CompressionType type, InputStream raw, int xzMemoryLimitKiB) throws IOException {
        InputStream in = new BufferedInputStream(raw, IoBuffers.SIZE);
        return switch (type) {
            case TAR -> in;
            case TAR_GZ -> buffered(GzipCompressorInputStream.builder()
                    .setInputStream(in).setDecompressConcatenated(true).get());
            case TAR_BZ2 -> buffered(new BZip2CompressorInputStream(in, true));
            case TAR_ZST -> buffered(new ZstdInputStream(in, RecyclingBufferPool.INSTANCE));
            case TAR_XZ -> buffered(new XZInputStream(in, xzMemoryLimitKiB));
            case ZIP -> throw new IllegalArgumentException("zip is not a tar format");
        };
    }

    private static final int ZSTD_JOB_SIZE = 2 << 20;
    /** Level 4's hash table is 2^18 entries; 2^19 finds more of the repeated tokens of source code. */
    private static final int ZSTD_HASH_LOG = 19;
    /** Each job starts from the last 512 KiB of the one before it (level 4's default: 256 KiB). */
    private static final int ZSTD_OVERLAP_LOG = 7;
    /** Matches of at least 6 bytes (level 4: 5): fewer short matches that cost as much to encode as they save. */
    private static final int ZSTD_MIN_MATCH = 6;
    /** xz -9 needs 65 MiB to decompress; 256 MiB leaves room for any sane archive and refuses a bomb's header. */
    static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private static OutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out, IoBuffers.SIZE);
    }

    private static InputStream buffered(InputStream in) {
        return new BufferedInputStream(in, IoBuffers.SIZE);
    }

    private static OutputStream zstd(OutputStream sink, int threads) throws IOException {
        ZstdOutputStream zstd = new ZstdOutputStream(sink, RecyclingBufferPool.INSTANCE);
        zstd.setLevel(ZSTD_LEVEL);
        // level 4 with a larger hash table, longer minimum matches and more job overlap: on the benchmark's
        // mixed corpus archives 2.6 % smaller than level 3's for 1.2-2 x its compression CPU (more where the
        // CPU's caches are small)
        zstd.setHashLog(ZSTD_HASH_LOG);
        zstd.setMinMatch(ZSTD_MIN_MATCH);
        zstd.setOverlapLog(ZSTD_OVERLAP_LOG);
        zstd.setChecksum(true);
        // native workers (zstd-jni ships the multithreaded library): even one worker overlaps compression with
        // the reading and hashing done on the caller's thread
        zstd.setWorkers(threads);
        // 2 MiB jobs instead of the default 8: about 80 MB less memory in flight for 0.5 % larger archives
        zstd.setJobSize(ZSTD_JOB_SIZE);
        return zstd;
    }
}
