package dev.backman.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class of this test's class path in a JVM of its own, tuned to start fast (C1 only, class-data sharing,
 * serial GC), as the real {@code backman} command or a second writer runs.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** A process builder for {@code java … mainClass args} in {@code workingDirectory}; the caller redirects. */
    public static ProcessBuilder of(Path workingDirectory, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc and zstd-jni load native code
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(workingDirectory.toFile());
    }

    /** Runs the real command line ({@link Main}) to its end; returns its exit code and output. */
    public static Cli.Result backman(Path workingDirectory, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workingDirectory, "child", ".out");
        Path err = Files.createTempFile(workingDirectory, "child", ".err");
        try {
            Process process = of(workingDirectory, Main.class, List.of(args))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = process.waitFor();
            return new Cli.Result(code, Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
