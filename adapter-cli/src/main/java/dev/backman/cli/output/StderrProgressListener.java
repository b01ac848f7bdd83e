package dev.backman.cli.output;

import dev.backman.domain.port.ProgressListener;
import java.io.PrintWriter;

/** The CLI's listener: warnings to stderr (none with {@code -q}), nothing on stdout. Progress bars come later. */
public final class StderrProgressListener implements ProgressListener {
    private final PrintWriter err;
    private final boolean quiet;

    public StderrProgressListener(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void onWarning(String message) {
        if (!quiet) {
            err.println("backman: warning: " + message);
            err.flush();
        }
    }
}
