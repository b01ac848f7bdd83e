package dev.backman.filesystem.archive;

import dev.backman.domain.model.CompressionType;
import dev.backman.domain.port.ArchiveCodec;
import dev.backman.domain.port.ArchiveReader;
import dev.backman.domain.port.ArchiveWriter;
import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Writes and reads zip, tar, tar.gz, tar.bz2, tar.zst and tar.xz with commons-compress, zstd-jni and XZ for Java,
 * compressing on several threads where the format allows it.
 */
public final class CommonsCompressArchiveCodec implements ArchiveCodec {

    private final int threads;
    private final Path tempDirectory;

    /** A codec that compresses on as many threads as there are processors. */
    public CommonsCompressArchiveCodec() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A codec that compresses on {@code compressionThreads} threads (zip entries, gzip blocks, zstd workers).
     *
     * @param compressionThreads threads that compress, at least 1
     */
    public CommonsCompressArchiveCodec(int compressionThreads) {
        this(compressionThreads, null);
    }

    /**
     * @param compressionThreads threads for zip entries, gzip blocks and zstd workers
     * @param tempDirectory      where zip writers keep compressed entries until the archive is assembled; null for
     *                           the system's temporary directory
     */
    public CommonsCompressArchiveCodec(int compressionThreads, Path tempDirectory) {
        if (compressionThreads < 1) {
            throw new IllegalArgumentException("compression threads must be at least 1, was " + compressionThreads);
        }
        this.threads = compressionThreads;
        this.tempDirectory = tempDirectory;
    }

    @Override
    public ArchiveWriter newWriter(CompressionType type, OutputStream out) throws IOException {
        return newWriter(type, out, n -> { });
    }

    @Override
    public ArchiveWriter newWriter(CompressionType type, OutputStream out, LongConsumer bytesRead)
            throws IOException {
        return type == CompressionType.ZIP
                ? new ZipArchiveWriter(out, CompressionThreads.pool("backman-zip", threads), threads, tempDirectory,
                        bytesRead)
                : new TarArchiveWriter(type, out, threads, bytesRead);
    }

    @Override
    public ArchiveReader newReader(CompressionType type, StoredObject archive) throws IOException {
        return type == CompressionType.ZIP
                ? ZipArchiveReader.open(archive)
                : TarArchiveReader.open(type, archive);
    }

    @Override
    public ArchiveReader newStreamReader(CompressionType type, String key, InputStream in) throws IOException {
        return type == CompressionType.ZIP
                ? new ZipStreamReader(key, in)
                : TarArchiveReader.open(type, key, in);
    }
}
