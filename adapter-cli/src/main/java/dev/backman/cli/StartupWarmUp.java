package dev.backman.cli;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * A head start, on a thread of its own, for the two libraries a command first needs after its command line is
 * parsed: logging (SLF4J finds Logback and its configurator through {@code ServiceLoader}, which opens every jar of
 * the class path) and Jackson's YAML reader (the object mapper's static set-up builds a date format, which loads the
 * JDK's locale data). On the main thread they came one after the other, after the injector and picocli, and before
 * the sources' scan could start; the JVM initializes each class once, so whichever thread gets there first does
 * the work and the other waits for it or finds it done. Measured in paired runs: {@code list} 0.97 x the time (24
 * pairs), a no-change backup of the benchmark's mixed corpus 0.97-0.98 x (two runs of 14 pairs).
 */
final class StartupWarmUp {
    private StartupWarmUp() {
    }

    /** Starts the warm-up; the JVM does not wait for it to exit. */
    static Thread begin() {
        Thread thread = new Thread(StartupWarmUp::run, "backman-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run() {
        try {
            LoggerFactory.getILoggerFactory();
            new YAMLMapper().readTree("warm: [up, 1, true]");
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // only a head start: a command that needs either does the same on its own thread and reports failures
        }
    }
}
