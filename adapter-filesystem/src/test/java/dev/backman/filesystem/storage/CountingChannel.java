package dev.backman.filesystem.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/** A channel that counts how often it is read, moved and asked for its size. */
class CountingChannel implements SeekableByteChannel {
    private final SeekableByteChannel inner;
    int reads;
    int sizeCalls;
    int positionCalls;

    CountingChannel(SeekableByteChannel inner) {
        this.inner = inner;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        reads++;
        return inner.read(target);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return inner.write(source);
    }

    @Override
    public long position() throws IOException {
        return inner.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        positionCalls++;
        inner.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        sizeCalls++;
        return inner.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        inner.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
