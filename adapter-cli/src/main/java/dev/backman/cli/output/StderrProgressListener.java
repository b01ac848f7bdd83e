package dev.backman.cli.output;

import dev.backman.cli.progress.ProgressDisplay;
import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's listener: progress to the bar on stderr (when it is shown at all), warnings to stderr (none with
 * {@code -q}), nothing on stdout.
 */
public final class StderrProgressListener implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(StderrProgressListener.class);
    private final ProgressDisplay display;
    private final boolean quiet;
    private final long started = System.nanoTime();
    private volatile Progress.Phase phase;

    public StderrProgressListener(ProgressDisplay display, boolean quiet) {
        this.display = display;
        this.quiet = quiet;
    }

    /** Draws the bar; with {@code -v}, logs when each phase starts: where an operation spends its time. */
    @Override
    public void onProgress(Progress progress) {
        if (progress.phase() != phase) {
            phase = progress.phase();
            LOG.debug("{} from {} ms", phase, (System.nanoTime() - started) / 1_000_000);
        }
        display.show(progress);
    }

    @Override
    public void onWarning(String message) {
        if (!quiet) {
            display.warning("backman: warning: " + message);
        }
    }
}
