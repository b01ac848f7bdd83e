package dev.backman.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backman.cli.progress.ProgressTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** Runs backman command lines in this JVM with captured stdout and stderr. */
public final class Cli {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Path workingDirectory;
    private final Clock clock;
    private final ProgressTerminal terminal;

    public Cli(Path workingDirectory) {
        this(workingDirectory, Clock.systemDefaultZone(), ProgressTerminal.NONE);
    }

    private Cli(Path workingDirectory, Clock clock, ProgressTerminal terminal) {
        this.workingDirectory = workingDirectory;
        this.clock = clock;
        this.terminal = terminal;
    }

    /** The same command line runner, timestamping backups with {@code value}. */
    public Cli withClock(Clock value) {
        return new Cli(workingDirectory, value, terminal);
    }

    /** The same command line runner, drawing progress bars as on {@code value} (tests run without a terminal). */
    public Cli withTerminal(ProgressTerminal value) {
        return new Cli(workingDirectory, clock, value);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new BackmanCli(new PrintWriter(out), new PrintWriter(err), workingDirectory, clock, terminal)
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one command line did. */
    public record Result(int exitCode, String out, String err) {

        /** Stdout as exactly one JSON document (fails on anything else on stdout). */
        public JsonNode json() {
            try {
                return STRICT.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("stdout is not one JSON document:\n" + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
