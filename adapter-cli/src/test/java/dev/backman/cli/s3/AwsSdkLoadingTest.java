package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.cli.Main;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK is loaded only for S3 locations: startup time matters to every command. Each case runs the real
 * {@code backman} main class in a child JVM whose class loading is logged to a file ({@code -Xlog:class+load}).
 */
class AwsSdkLoadingTest {
    private static final String SDK = "software.amazon.awssdk.";

    @TempDir
    Path dir;

    @Test
    void commandsOnALocalRepositoryWithLocalOffsiteCopiesNeverLoadTheSdk() throws Exception {
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), """
                source_paths: [project]
                offsite: [{location: second-copy}]
                s3: {region: eu-west-1}
                """);
        assertThat(new Cli(dir).run("backup", "--id", "b1").exitCode()).isZero();

        List<String> list = loadedClasses("list");
        List<String> backup = loadedClasses("backup", "--id", "b2");

        assertThat(list).as("the log is written").anyMatch(c -> c.equals(Main.class.getName()));
        assertThat(list).noneMatch(c -> c.startsWith(SDK));
        assertThat(backup).anyMatch(c -> c.startsWith("dev.backman.application.")).noneMatch(c -> c.startsWith(SDK));
        assertThat(dir.resolve("second-copy/manifests/b2.json")).exists();
    }

    @Test
    void readingALocalRepositoryWithAnS3OffsiteCopyDoesNotLoadTheSdk() throws Exception {
        SourceTree.create(dir.resolve("project"));
        Files.writeString(dir.resolve("backman.yaml"), """
                source_paths: [project]
                offsite: [{location: "s3://bucket/offsite"}]
                s3: {endpoint: "http://127.0.0.1:9", path_style: true, max_attempts: 1}
                """);
        Cli.Result backup = withTestCredentials(() -> new Cli(dir).run("backup", "--id", "b1")); // offsite: pending
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.err()).contains("offsite s3://bucket/offsite could not be updated");

        List<String> list = loadedClasses("list");
        List<String> status = loadedClasses("status", "b1");

        assertThat(list).anyMatch(c -> c.equals(Main.class.getName())).noneMatch(c -> c.startsWith(SDK));
        assertThat(status).anyMatch(c -> c.equals(Main.class.getName())).noneMatch(c -> c.startsWith(SDK));
    }

    @Test
    void anS3LocationLoadsIt() throws Exception {
        Files.writeString(dir.resolve("backman.yaml"),
                "s3: {endpoint: \"http://127.0.0.1:9\", path_style: true, max_attempts: 1}\n");

        List<String> classes = loadedClasses("-r", "s3://bucket/repo", "list");

        assertThat(classes).anyMatch(c -> c.startsWith(SDK));
    }

    /** Credentials where the SDK's default chain looks first, so that it never asks an instance metadata service. */
    private static <T> T withTestCredentials(java.util.function.Supplier<T> action) {
        java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            return action.get();
        } finally {
            for (String name : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.disableEc2Metadata")) {
                if (saved.getProperty(name) == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, saved.getProperty(name));
                }
            }
        }
    }

    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + log,
                "-Dbackman.data.dir=" + dir.resolve("data"),
                "-Daws.accessKeyId=test", "-Daws.secretAccessKey=test", "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("backman finished").isTrue();
        // lines look like "[0.012s][info][class,load] java.lang.Object source: shared objects file"
        return Files.readAllLines(log).stream()
                .map(line -> line.replaceFirst("^(\\[[^]]*])+\\s*", ""))
                .map(line -> line.split(" ", 2)[0])
                .toList();
    }
}
