package dev.backman.cli.command;

import dev.backman.domain.error.StorageFailure;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name in its destination's directory and moved into place only by
 * {@link #commit()}: until then an existing file at the destination is untouched, and closing without committing
 * removes the temporary file. The file is created readable by its owner only, as a backup's contents may be private.
 */
final class StagedFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private StagedFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Starts writing a new version of {@code target}, whose directory must exist. */
    static StagedFile create(Path target) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            return new StagedFile(target, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw failure(target, "cannot create a file in " + target.getParent() + ": " + e, e);
        }
    }

    /** Where to write the contents; it is closed by {@link #commit()} or {@link #close()}. */
    OutputStream stream() {
        return stream;
    }

    /** Makes the written contents durable and moves them into place, replacing any file there. */
    void commit() {
        try {
            stream.flush();
            channel.force(true);
            channel.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw failure(target, "cannot write: " + e, e);
        }
    }

    /** Discards the temporary file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the file is deleted next; a close failure changes nothing for the caller
        }
        deleteQuietly(temporary);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing better to do: the failure being reported matters more than a leftover temporary file
        }
    }

    private static StorageFailure failure(Path target, String problem, IOException cause) {
        return new StorageFailure(target.toString(), problem, false, cause);
    }
}
