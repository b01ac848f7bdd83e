package dev.backman.example;

import dev.backman.domain.port.Progress;
import dev.backman.domain.port.ProgressListener;
import java.io.PrintStream;

/** Prints each progress snapshot and warning on one line; the host chooses where (backman itself never prints). */
public final class PrintingListener implements ProgressListener {
    private final PrintStream out;

    /**
     * A listener printing to {@code out}.
     *
     * @param out where the lines go
     */
    public PrintingListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onProgress(Progress progress) {
        out.printf("%-10s %d/%d files, %d/%d bytes%n", progress.phase(), progress.filesDone(), progress.filesTotal(),
                progress.bytesDone(), progress.bytesTotal());
    }

    @Override
    public void onWarning(String message) {
        out.println("warning: " + message);
    }
}
