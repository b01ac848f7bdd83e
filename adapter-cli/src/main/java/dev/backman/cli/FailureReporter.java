package dev.backman.cli;

import dev.backman.domain.error.BackupException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns a command's failure into a {@code backman: …} message on stderr and its exit code. */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {
    private final GlobalOptions globals;

    FailureReporter(GlobalOptions globals) {
        this.globals = globals;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine,
                                        CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println("backman: " + message(failure));
        if (globals.verbose()) {
            failure.printStackTrace(err);
        } else if (!(failure instanceof BackupException)) {
            err.println("backman: run with -v for details");
        }
        err.flush();
        return ExitCodes.of(failure);
    }

    private static String message(Exception failure) {
        if (failure instanceof BackupException) {
            return failure.getMessage();
        }
        String text = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return "unexpected error: " + (text == null || text.isBlank() ? type : type + ": " + text);
    }
}
