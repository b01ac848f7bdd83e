package dev.backman.application;

import dev.backman.domain.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.SeekableByteChannel;

/**
 * A stored object whose stream is fetched by a thread of its own, a few chunks ahead of the reader: a restore then
 * receives an archive (from S3, or from disk) while it decompresses, checks and writes what it already has, instead
 * of doing both in turn on one thread. Random reads (zip) are passed through.
 */
final class ReadAheadObject implements StoredObject {
    private static final int CHUNK = 256 * 1024;
    private final StoredObject object;

    ReadAheadObject(StoredObject object) {
        this.object = object;
    }

    @Override
    public String key() {
        return object.key();
    }

    @Override
    public long size() {
        return object.size();
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        return object.openChannel();
    }

    @Override
    public InputStream openStream() throws IOException {
        return new Fetching(object.openStream());
    }

    /** The reader's side; closing it stops the fetching thread and closes the object's stream. */
    private static final class Fetching extends InputStream {
        private final HandoffStream chunks = new HandoffStream();
        private final InputStream source;
        private final Thread fetcher;
        private volatile Exception failure;

        Fetching(InputStream source) {
            this.source = source;
            this.fetcher = new Thread(this::fetch, "backman-read-ahead");
            fetcher.setDaemon(true);
            fetcher.start();
        }

        private void fetch() {
            byte[] buffer = new byte[CHUNK];
            try {
                for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
                    if (n > 0) {
                        buffer = chunks.handOver(buffer, n);
                    }
                }
            } catch (InterruptedIOException e) {
                return; // the reader closed the stream
            } catch (IOException | RuntimeException e) {
                failure = e; // seen by the reader once it has read what came before
            }
            try {
                chunks.end();
            } catch (InterruptedIOException e) {
                // the reader closed the stream
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = chunks.read(buffer, offset, length);
            if (n < 0 && failure != null) {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) failure;
            }
            return n;
        }

        /**
         * Stops the fetcher, then closes the object's stream on this thread, as a reader without read-ahead would:
         * a stream is never closed while another thread reads it. A fetcher waiting for the reader wakes at once; one
         * inside a read of the object finishes that read first.
         */
        @Override
        public void close() throws IOException {
            fetcher.interrupt();
            try {
                fetcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                source.close();
            }
        }
    }
}
