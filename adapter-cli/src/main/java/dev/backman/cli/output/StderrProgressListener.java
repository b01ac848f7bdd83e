package dev.backman.cli.output;

import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CLI's listener: warnings to stderr (none with {@code -q}), nothing on stdout. Progress bars come later. */
public final class StderrProgressListener implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(StderrProgressListener.class);
    private final PrintWriter err;
    private final boolean quiet;
    private final long started = System.nanoTime();
    private volatile Progress.Phase phase;

    public StderrProgressListener(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** With {@code -v}, logs when each phase starts: where an operation spends its time. */
    @Override
    public void onProgress(Progress progress) {
        if (progress.phase() != phase) {
            phase = progress.phase();
            LOG.debug("{} from {} ms", phase, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void onWarning(String message) {
        if (!quiet) {
            err.println("backman: warning: " + message);
            err.flush();
        }
    }
}
