package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source checkout's {@code ./backman}, run through a symlink on a stand-in JDK whose {@code java} only records
 * how it was called: which class-data archive a run maps, and when the launcher trains a new one.
 */
class CheckoutLauncherTest {
    private static final Path LAUNCHER = Path.of("..", "backman");
    private static final Path DIST_LIB = Path.of("src", "dist", "lib");

    @TempDir
    Path dir;
    private Path checkout;
    private Path jdk;
    private Path calls;

    @BeforeEach
    void standIns() throws IOException {
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("backman"));
        Path lib = Files.createDirectories(checkout.resolve("adapter-cli/src/dist/lib"));
        for (String name : List.of("backman-jvm.sh", "backman-jit.json")) {
            Files.copy(DIST_LIB.resolve(name), lib.resolve(name));
        }
        Path target = Files.createDirectories(checkout.resolve("adapter-cli/target/lib"));
        Files.writeString(target.getParent().resolve("backman.jar"), "jar");
        Files.writeString(target.resolve("dependency.jar"), "jar");
        setTime(target.getParent().resolve("backman.jar"), -3600);
        setTime(target.resolve("dependency.jar"), -3600);
        setTime(target, -3600);

        jdk = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.99\"\n");
        calls = dir.resolve("calls.log");
        // one line per call; a training run leaves the class list it was asked for, and a dump (-Xshare:dump) the
        // archive, as the JVM does
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s ' \"$@\" >> '" + calls + "'\necho >> '" + calls + "'\n"
                + "for arg; do case $arg in\n"
                + "  -XX:DumpLoadedClassList=*) echo java/lang/Object > \"${arg#*=}\" ;;\n"
                + "esac; done\n"
                + "case \" $* \" in *' -XX:SharedClassListFile=local.classes '*)\n"
                + "  if [ -n \"${REFUSE_SHORTER_LIST:-}\" ]; then exit 1; fi ;;\n"
                + "esac\n"
                + "case \" $* \" in *' -Xshare:dump '*)\n"
                + "  for arg; do case $arg in -XX:SharedArchiveFile=*) echo jsa > \"${arg#*=}\" ;; esac; done ;;\n"
                + "esac\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
    }

    @Test
    void aRunThroughASymlinkTrainsOnceThenMapsTheArchiveOfItsJdkUntilADependencyIsReplaced() throws Exception {
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("bin")).resolve("backman"),
                checkout.resolve("backman"));

        launch(link);
        List<String> first = callLines();
        assertThat(first.get(0)).contains("-XX:DumpLoadedClassList=full.classes", "--json backup");
        assertThat(first.get(1)).contains("-XX:DumpLoadedClassList=incremental.classes", "--json backup");
        assertThat(first.get(2)).contains("-Xshare:dump", "-XX:SharedClassListFile=local.classes");
        assertThat(first.get(3)).contains("-Xshare:dump", "-XX:SharedClassListFile=all.classes");
        Path archive = onlyArchive();
        assertThat(first.get(4)).contains("-XX:SharedArchiveFile=" + checkout.toRealPath()
                .resolve("adapter-cli/target").resolve(archive.getFileName()), "--version");
        assertThat(first).hasSize(5);

        launch(link);
        assertThat(callLines()).hasSize(6).last().asString().doesNotContain("-Xshare:dump");

        setTime(checkout.resolve("adapter-cli/target/lib/dependency.jar"), 60); // a dependency replaced
        launch(link);
        List<String> after = callLines();
        assertThat(after).hasSize(11);
        assertThat(after.get(8)).contains("-Xshare:dump");
        assertThat(after.get(9)).contains("-Xshare:dump");
    }

    @Test
    void aJdkThatCannotDumpTheListWithoutTheAwsSdkStillGetsAnArchiveForRunsWithoutS3() throws Exception {
        launch(checkout.resolve("backman"), "REFUSE_SHORTER_LIST");

        List<String> calls = callLines();
        assertThat(calls.get(2)).contains("-Xshare:dump", "-XX:SharedClassListFile=local.classes");
        assertThat(calls.get(3)).contains("-Xshare:dump", "-XX:SharedClassListFile=all.classes");
        Path archive = onlyArchive();
        assertThat(calls.get(4)).contains("-Xshare:dump", "-XX:SharedClassListFile=all.classes")
                .contains(archive.getFileName().toString().replace(".jsa", "-s3.jsa"));
        assertThat(calls.get(5)).contains("-XX:SharedArchiveFile=" + checkout.toRealPath()
                .resolve("adapter-cli/target").resolve(archive.getFileName()), "--version");
    }

    @Test
    void anotherJdkReleaseGetsAnArchiveOfItsOwn() throws Exception {
        launch(checkout.resolve("backman"));
        Path archive = onlyArchive();

        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.100\"\n");
        launch(checkout.resolve("backman"));

        try (Stream<Path> archives = Files.list(checkout.resolve("adapter-cli/target"))) {
            assertThat(archives.filter(path -> path.toString().endsWith(".jsa")))
                    .hasSize(4).contains(archive); // and each JDK's archive with the AWS SDK's classes
        }
    }

    private void launch(Path launcher, String... variables) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("sh", launcher.toString(), "--version")
                .directory(dir.toFile()).redirectErrorStream(true);
        for (String variable : variables) {
            process.environment().put(variable, "1");
        }
        process.environment().put("JAVA_HOME", jdk.toString());
        process.environment().put("BACKMAN_SKIP_BUILD", "1");
        process.environment().remove("BACKMAN_JAVA_OPTS");
        Process started = process.start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(out).isZero();
    }

    private List<String> callLines() throws IOException {
        return Files.readAllLines(calls);
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(checkout.resolve("adapter-cli/target"))) {
            List<Path> archives = files.filter(path -> path.getFileName().toString().matches("backman-\\d+\\.jsa"))
                    .toList();
            assertThat(archives).hasSize(1);
            return archives.get(0);
        }
    }

    private static void setTime(Path path, long secondsFromNow) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(secondsFromNow)));
    }
}
