package dev.backman.filesystem.archive;

import java.io.IOException;
import java.io.InputStream;

/** The stored bytes of a zip entry (deflated or not), waiting to be copied into the archive. */
interface ZipPayload {

    /** The bytes; read once. */
    InputStream open() throws IOException;

    /** Gives back the memory or removes the file holding the bytes; safe to call more than once. */
    void release();
}
