package dev.backman.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.backman.cli.GlobalOptions;
import org.slf4j.LoggerFactory;

/** Applies {@code -q} (errors only) and {@code -v} (backman's debug logging) to Logback. */
public final class LogLevels {
    private LogLevels() {
    }

    public static void apply(GlobalOptions globals) {
        if (!(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
            return; // another SLF4J binding: its own configuration rules
        }
        Logger backman = (Logger) LoggerFactory.getLogger("dev.backman");
        if (globals.verbose()) {
            root.setLevel(Level.INFO);
            backman.setLevel(Level.DEBUG);
        } else if (globals.quiet()) {
            root.setLevel(Level.ERROR);
            backman.setLevel(null);
        } else {
            root.setLevel(Level.WARN);
            backman.setLevel(null);
        }
    }
}
