package dev.backman.cli.output;

import dev.backman.cli.CliStreams;
import dev.backman.cli.GlobalOptions;
import dev.backman.cli.progress.ProgressDisplay;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.PrintWriter;

/**
 * Where commands put their results: human text or, with {@code --json}, exactly one JSON document on stdout;
 * messages for people go to stderr. JSON uses the repository's wire format (snake_case, lower-case enum names).
 */
@Singleton
public final class Output {
    private final CliStreams streams;
    private final GlobalOptions globals;
    private final ProgressDisplay progress;
    private JsonText json;

    @Inject
    public Output(CliStreams streams, GlobalOptions globals, ProgressDisplay progress) {
        this.streams = streams;
        this.globals = globals;
        this.progress = progress;
    }

    /** Whether the result is to be printed as JSON. */
    public boolean json() {
        return globals.json();
    }

    /** Human results; a progress bar still on the screen is erased first. */
    public PrintWriter out() {
        progress.clear();
        return streams.out();
    }

    /** A message for the person at the terminal (stderr; also shown with {@code --json}). */
    public void message(String text) {
        progress.clear();
        streams.err().println("backman: " + text);
        streams.err().flush();
    }


    /** Prints one JSON document (a record, a list …) on its own line on stdout. */
    public void printJson(Object value) {
        progress.clear();
        if (json == null) {
            json = new JsonText(); // built on first use: human output does not pay for Jackson's start-up
        }
        streams.out().println(json.of(value));
        streams.out().flush();
    }
}
