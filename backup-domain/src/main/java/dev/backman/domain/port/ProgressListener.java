package dev.backman.domain.port;

/** How a host learns what a running operation is doing. Called from the working thread; keep it quick. */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    default void onProgress(Progress progress) {
    }

    /** Something the user should know that did not stop the operation (a skipped file, a file that changed). */
    default void onWarning(String message) {
    }
}
