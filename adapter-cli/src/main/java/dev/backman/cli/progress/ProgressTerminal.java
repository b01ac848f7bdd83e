package dev.backman.cli.progress;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether progress bars may be drawn, and how wide the line is. Bars are drawn only when standard output is a
 * terminal: piped or redirected output gets none. Tests give their own to force bars on or off.
 */
public interface ProgressTerminal {

    /** Whether standard output is an interactive terminal. */
    boolean isTerminal();

    /** Columns available for a bar. */
    default int columns() {
        return 80;
    }

    /** A terminal that never is one: no bars. */
    ProgressTerminal NONE = () -> false;

    /**
     * This process's terminal: {@link System#console()} exists only when standard input and output are a terminal
     * (on JDK 22+ it always exists, and {@code Console.isTerminal()} tells). The width comes from {@code COLUMNS}
     * when the shell exports it.
     */
    static ProgressTerminal system() {
        return new ProgressTerminal() {
            @Override
            public boolean isTerminal() {
                Console console = System.console();
                if (console == null) {
                    return false;
                }
                try {
                    Method isTerminal = Console.class.getMethod("isTerminal"); // JDK 22+
                    return (Boolean) isTerminal.invoke(console);
                } catch (NoSuchMethodException e) {
                    return true;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return false;
                }
            }

            @Override
            public int columns() {
                try {
                    int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
                    return columns >= 20 ? columns : 80;
                } catch (NumberFormatException e) {
                    return 80;
                }
            }
        };
    }
}
