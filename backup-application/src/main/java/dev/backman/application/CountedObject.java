package dev.backman.application;

import dev.backman.domain.port.StoredObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.function.LongConsumer;

/**
 * A stored object that tells {@code counter} how many of its bytes are read, through its stream or its channel
 * (progress of a verify or a copy). Reads come in chunks of kilobytes, so counting each one is cheap.
 */
final class CountedObject implements StoredObject {
    private final StoredObject object;
    private final LongConsumer counter;

    CountedObject(StoredObject object, LongConsumer counter) {
        this.object = object;
        this.counter = counter;
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
    public InputStream openStream() throws IOException {
        return counted(object.openStream(), counter);
    }

    @Override
    public SeekableByteChannel openChannel() throws IOException {
        return new CountedChannel(object.openChannel(), counter);
    }

    /** {@code in}, telling {@code counter} of every byte read or skipped. */
    static InputStream counted(InputStream in, LongConsumer counter) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counter.accept(1);
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = super.read(bytes, offset, length);
                if (n > 0) {
                    counter.accept(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) {
                    counter.accept(skipped);
                }
                return skipped;
            }
        };
    }

    private record CountedChannel(SeekableByteChannel channel, LongConsumer counter) implements SeekableByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            channel.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
