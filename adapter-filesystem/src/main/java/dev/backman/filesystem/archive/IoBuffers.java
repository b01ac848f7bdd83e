package dev.backman.filesystem.archive;

/** Buffer sizes for streaming archives: large enough that system calls and JNI crossings stay rare. */
final class IoBuffers {

    static final int SIZE = 256 * 1024;

    private IoBuffers() {
    }
}
