package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadObjectTest {

    @Test
    void deliversTheObjectsBytesInOrderInPiecesOfAnySize() throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(bytes);
        try (InputStream in = new ReadAheadObject(object(() -> new TrickleStream(bytes, null))).openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFailureOfTheObjectReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        byte[] bytes = new byte[700_000];
        new Random(4).nextBytes(bytes);
        IOException broken = new IOException("connection reset");
        try (InputStream in = new ReadAheadObject(object(() -> new TrickleStream(bytes, broken))).openStream()) {
            byte[] got = in.readNBytes(bytes.length);
            assertThat(got).isEqualTo(bytes);
            assertThatThrownBy(in::read).isSameAs(broken);
        }
    }

    @Test
    void closingEarlyStopsTheFetchingAndClosesTheObjectsStream() throws IOException {
        byte[] bytes = new byte[64 * 1024 * 1024]; // far more than is fetched ahead
        AtomicBoolean closed = new AtomicBoolean();
        AtomicLong served = new AtomicLong();
        InputStream in = new ReadAheadObject(object(() -> new TrickleStream(bytes, null) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                served.addAndGet(Math.max(0, n));
                return n;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        })).openStream();
        in.readNBytes(1000);

        in.close();

        assertThat(closed).isTrue();
        assertThat(served.get()).as("only a few chunks were fetched ahead").isLessThan(16L * 1024 * 1024);
    }

    /** Serves at most 100,000 bytes per read, then fails with {@code failure} (or ends) at the end. */
    private static class TrickleStream extends InputStream {
        private final ByteArrayInputStream bytes;
        private final IOException failure;

        TrickleStream(byte[] bytes, IOException failure) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.failure = failure;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = bytes.read(b, off, Math.min(len, 100_000));
            if (n < 0 && failure != null) {
                throw failure;
            }
            return n;
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static StoredObject object(Opener opener) {
        return new StoredObject() {
            @Override
            public String key() {
                return "archives/a.tar";
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public InputStream openStream() throws IOException {
                return opener.open();
            }

            @Override
            public SeekableByteChannel openChannel() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
