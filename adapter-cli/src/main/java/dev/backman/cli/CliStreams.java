package dev.backman.cli;

import java.io.PrintWriter;

/** Where a command writes: results to {@code out}, messages and errors to {@code err}. */
public record CliStreams(PrintWriter out, PrintWriter err) {
}
