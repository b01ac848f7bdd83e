package dev.backman.filesystem.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link LockHolderMain} running in its own JVM, started with this test's class path. */
final class LockProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final Path errors;

    private LockProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static LockProcess start(String mode, Path repository, Path workDir) throws IOException {
        Path errors = Files.createTempFile(workDir, "lock-process", ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(),
                mode, repository.toString()))
                .redirectError(errors.toFile())
                .start();
        return new LockProcess(process, errors);
    }

    long pid() {
        return process.pid();
    }

    /** The process's first line of output, e.g. {@code LOCKED}. */
    String firstLine() throws Exception {
        String line = CompletableFuture.supplyAsync(this::readLine).get(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("lock process ended without output: " + Files.readString(errors));
        }
        return line;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private String readLine() {
        try {
            return output.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
