package dev.backman.filesystem.storage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream handed to writers of a {@link LocalStagedObject}. Closing it only flushes: archive libraries close
 * the stream they were given when they finish, and the object must still be committable afterwards.
 */
final class StagedOutput extends OutputStream {
    private final LocalStagedObject staged;
    private final byte[] single = new byte[1];

    StagedOutput(LocalStagedObject staged) {
        this.staged = staged;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        staged.write(single, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        staged.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        staged.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
