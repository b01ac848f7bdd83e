package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code backman.jar}, started as both launchers start it ({@code java -jar}): in the build's layout
 * (its jars in {@code lib/} below it) and in the tarball's (its jars beside it), it finds every jar it needs and
 * scans with the JDK's own attribute objects, which only its manifest's {@code Add-Opens} makes readable.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("backman.jar", "target/backman.jar"));
    private static final Path DIST = Path.of("src", "dist");

    @TempDir
    Path dir;

    @Test
    void theManifestOpensTheJdkPackageTheScanReads() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Add-Opens")).contains("java.base/sun.nio.fs");
            assertThat(main.getValue("Main-Class")).isEqualTo(Main.class.getName());
        }
    }

    @Test
    void inTheBuildsLayoutABackupScansWithTheJdksAttributes() throws Exception {
        Result result = run(List.of(java(), "-jar", JAR.toAbsolutePath().toString(), "-v", "backup"));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("with JdkStatReader");
    }

    @Test
    void theInstalledLauncherFindsTheJarsBesideTheMainJar() throws Exception {
        // the tarball's layout: bin/backman, and lib/ holding the launcher's files and every jar side by side
        Path home = Files.createDirectories(dir.resolve("home"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(DIST.resolve("bin/backman"), home.resolve("bin/backman"));
        assertThat(home.resolve("bin/backman").toFile().setExecutable(true)).isTrue();
        for (String file : List.of("backman-jvm.sh", "backman-jit.json")) {
            Files.copy(DIST.resolve("lib").resolve(file), lib.resolve(file));
        }
        Files.copy(JAR, lib.resolve("backman.jar"));
        try (Stream<Path> jars = Files.list(JAR.resolveSibling("lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }

        Result result = run(List.of(home.resolve("bin/backman").toString(), "-v", "backup"));

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("with JdkStatReader");
    }

    private record Result(int code, String err) {
    }

    /** Runs a backup command in a scratch directory with a configuration file, without a class-data archive. */
    private Result run(List<String> command) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/file.txt"), "packaged");
        Files.writeString(work.resolve("backman.yaml"), "source_paths: [src]\nbackup_location: repo\n");
        ProcessBuilder process = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile());
        process.environment().put("BACKMAN_DATA_DIR", dir.resolve("data").toString());
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // no cache directory: the installed launcher would train a class-data archive first (seconds)
        process.environment().remove("XDG_CACHE_HOME");
        process.environment().remove("HOME");
        process.environment().remove("BACKMAN_JAVA_OPTS");
        Path err = dir.resolve("err.txt");
        Process started = process.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .start();
        int code = started.waitFor();
        return new Result(code, Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
