package dev.backman.domain.port;

/**
 * How a host learns what a running operation is doing: progress snapshots and warnings, never anything on standard
 * output.
 *
 * <p>Threads: snapshots of one operation come one at a time (calls never overlap), but not always from the thread
 * that started the operation; an operation's compression or reading threads report too. A warning may arrive while
 * a snapshot is being handled. Keep both methods quick (they run on the working threads) and do not call back into
 * the manager. Snapshots are throttled at the source: about one per 64 files or per MiB, plus the first and last of each
 * phase.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * The operation advanced.
     *
     * @param progress the phase and its counts (see {@link Progress} for what each phase counts)
     */
    default void onProgress(Progress progress) {
    }

    /**
     * Something the user should know that did not stop the operation (a skipped file, a file that changed).
     *
     * @param message one line, for a person
     */
    default void onWarning(String message) {
    }
}
