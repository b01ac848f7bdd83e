package dev.backman.filesystem.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs standard command-line tools (tar, unzip, gzip...) to check that they read what the codec writes. */
final class ExternalTool {

    private ExternalTool() {
    }

    /** Skips the calling test unless every named program can be started. */
    static void assumeInstalled(String... programs) {
        for (String program : programs) {
            Assumptions.assumeTrue(runs(program), program + " is not installed");
        }
    }

    /** Skips the calling test unless the JVM can name files in UTF-8 (it cannot under the POSIX locale). */
    static void assumeUtf8FileNames() {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "the JVM's file name encoding is not UTF-8");
    }

    /** Runs the command in {@code workDir} and returns its standard output; fails the test on a non-zero exit. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", List.of(command), text).isZero();
        return text;
    }

    private static boolean runs(String program) {
        try {
            Process process = new ProcessBuilder(program, program.equals("unzip") ? "-v" : "--version")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
