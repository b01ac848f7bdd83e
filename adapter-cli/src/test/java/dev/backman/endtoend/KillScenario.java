package dev.backman.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * One kind of operation that the kill harness interrupts: how to set up a trial, what to run in the child, how to
 * tell where the kill landed from what it left, and how the next run must recover.
 */
interface KillScenario {

    String name();

    /** The log text after which the kill clock of trial {@code trial} starts (the command's real work begins). */
    String marker(int trial);

    /** A work directory ({@code backman.yaml}, {@code src/}, {@code repo/}) ready for trial {@code trial}. */
    Path prepare(int trial) throws IOException;

    /** The command line the child runs. */
    String[] command(int trial);

    /** Where the kill landed, told from the repository as the dead process left it. */
    String phase(Path work, int trial, KillableRun.Outcome outcome) throws IOException;

    /** Runs what comes next (in this JVM) and asserts that everything recovered; {@code context} names the trial. */
    void recoverAndCheck(Path work, int trial, String phase, String context) throws IOException;

    /** Writes the configuration of a work directory. */
    static void configure(Path work, String format) throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve("backman.yaml"), "source_paths: [./src]\nbackup_location: ./repo\n"
                + "compression_type: " + format + "\nretention_days: 7\n");
    }

    /** Copies a work directory with its links, modes and mtimes, as a fresh trial from a template. */
    static Path copy(Path template, Path target) throws IOException {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> all = Files.walk(template)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path copy = target.resolve(template.relativize(source).toString());
                Files.copy(source, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    directories.add(source);
                }
            }
        }
        Collections.reverse(directories); // children changed their parents' mtimes: set them again, deepest first
        for (Path source : directories) {
            Files.setLastModifiedTime(target.resolve(template.relativize(source).toString()),
                    Files.getLastModifiedTime(source));
        }
        return target;
    }
}
