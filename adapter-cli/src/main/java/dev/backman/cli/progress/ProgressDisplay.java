package dev.backman.cli.progress;

import dev.backman.cli.CliStreams;
import dev.backman.cli.GlobalOptions;
import dev.backman.domain.port.Progress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress bar of one command run, on stderr so that stdout keeps only results. Shown only when stdout is a
 * terminal and neither {@code --json}, {@code -q} nor {@code -v} (whose debug log shares stderr) is given; decided at
 * the first snapshot, so commands that report no progress never look at the terminal. The line is redrawn in place
 * at most every {@link #REDRAW_NANOS}, and always when a phase starts or completes. Warnings are printed on a line of
 * their own with the bar drawn again below; results and errors come after {@link #clear()}. Thread-safe: snapshots
 * come from working threads.
 */
@Singleton
public final class ProgressDisplay {
    static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final GlobalOptions globals;
    private final ProgressTerminal terminal;
    private final LongSupplier nanoTime;
    private Boolean enabled;
    private int columns;
    private Progress.Phase phase;
    private long phaseStarted;
    private long drawnAt;
    private String shown; // the line on the screen now, or null

    @Inject
    public ProgressDisplay(CliStreams streams, GlobalOptions globals, ProgressTerminal terminal) {
        this(streams.err(), globals, terminal, System::nanoTime);
    }

    ProgressDisplay(PrintWriter err, GlobalOptions globals, ProgressTerminal terminal, LongSupplier nanoTime) {
        this.err = err;
        this.globals = globals;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Draws {@code progress} when bars are on and it is time to. */
    public synchronized void show(Progress progress) {
        if (!enabled()) {
            return;
        }
        long now = nanoTime.getAsLong();
        boolean starts = progress.phase() != phase;
        if (starts) {
            phase = progress.phase();
            phaseStarted = now;
        }
        if (!starts && !complete(progress) && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        draw(ProgressLine.render(progress, now - phaseStarted, columns));
    }

    /** Prints a warning line without garbling the bar: the bar is erased, and drawn again below the warning. */
    public synchronized void warning(String line) {
        String bar = shown;
        erase();
        err.println(line);
        if (bar != null) {
            draw(bar);
        }
        err.flush();
    }

    /** Erases the bar, so that a result or an error starts on a clean line. */
    public synchronized void clear() {
        if (shown != null) {
            erase();
            err.flush();
        }
    }

    private boolean enabled() {
        if (enabled == null) {
            enabled = !globals.json() && !globals.quiet() && !globals.verbose() && terminal.isTerminal();
            columns = terminal.columns();
        }
        return enabled;
    }

    private static boolean complete(Progress p) {
        return (p.filesTotal() > 0 || p.bytesTotal() > 0) && p.filesDone() == p.filesTotal()
                && p.bytesDone() == p.bytesTotal();
    }

    private void draw(String line) {
        int leftover = shown == null ? 0 : shown.length() - line.length();
        err.print('\r' + line + (leftover > 0 ? " ".repeat(leftover) : "")); // spaces wipe a longer old line
        err.flush();
        shown = line;
    }

    private void erase() {
        if (shown != null) {
            err.print('\r' + " ".repeat(shown.length()) + '\r');
            shown = null;
        }
    }
}
