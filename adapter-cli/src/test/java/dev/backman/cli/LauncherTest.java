package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' shared shell functions ({@code backman-jvm.sh}): how a command's JVM is started, and the class-data
 * sharing training, whose archives hold the classes of an encrypted local backup, and one of them those of the AWS
 * SDK's client too.
 */
class LauncherTest {
    private static final Path LAUNCHER_LIBRARY = Path.of("src", "dist", "lib", "backman-jvm.sh");
    private static final Path JIT_DIRECTIVES = Path.of("src", "dist", "lib", "backman-jit.json");

    @TempDir
    Path dir;

    @Test
    void theTrainingArchivesAnEncryptedBackupTheS3ClientAndPicocliAndRemovesItsScratchDirectory() throws Exception {
        String classPath = jarClassPath();
        Path archive = dir.resolve("backman.jsa");
        Path scratchParent = Files.createDirectories(dir.resolve("tmp"));

        ProcessBuilder training = new ProcessBuilder("sh", "-c",
                ". \"$0\" && backman_train_cds \"$1\" \"$2\" -cp \"$3\" " + Main.class.getName(),
                LAUNCHER_LIBRARY.toAbsolutePath().toString(), java(), archive.toString(), classPath);
        training.environment().put("TMPDIR", scratchParent.toString());
        training.environment().put("BACKMAN_DATA_DIR", dir.resolve("data").toString());
        assertThat(run(training)).isZero();

        assertThat(archive).isRegularFile();
        Path s3Archive = dir.resolve("backman-s3.jsa");
        assertThat(s3Archive).isRegularFile();
        String local = archivedClasses(archive, classPath);
        String s3 = archivedClasses(s3Archive, classPath);
        for (String contents : List.of(local, s3)) {
            assertThat(contents)
                    .contains("dev.backman.application.CreateBackup ")
                    // picocli's Java 5 class files, and a class linked against them, which a dynamic archive leaves out
                    .contains("picocli.CommandLine ")
                    .contains("dev.backman.cli.wiring.GuiceCommandFactory ")
                    .contains("dev.backman.crypto.EncryptedArchiveStorage ");
        }
        assertThat(s3)
                .contains("software.amazon.awssdk.services.s3.DefaultS3Client ")
                .contains("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient ");
        // (a few of the SDK's types come along, where archiving backman's S3 adapter links against them)
        assertThat(local).as("the AWS SDK's client only in the archive of runs that name S3")
                .doesNotContain("software.amazon.awssdk.services.s3.DefaultS3Client ")
                .doesNotContain("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient ");
        assertThat(Files.size(archive)).isLessThan(Files.size(s3Archive));
        try (Stream<Path> left = Files.list(scratchParent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aLongCommandRunsWithTheJitDirectivesAndItsJsonOutputStaysClean() throws Exception {
        Cli.Result result = launch(JIT_DIRECTIVES.toAbsolutePath(), "--json", "backup");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{\"backup_id\":").endsWith("}\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void withoutItsJitDirectivesFileALongCommandStillRuns() throws Exception {
        Cli.Result result = launch(dir.resolve("missing.json"), "--json", "backup");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("{\"backup_id\":");
    }

    @Test
    void aBackupStartsWithRoomForItsRecordsInTheOldGenerationUnlessTheUserSizedTheHeap() throws Exception {
        // the launcher's own small default comes first; the later option wins
        assertThat(jvmOptions(null, "backup")).containsSubsequence("-Xms16m", "-Xms256m")
                .contains("-XX:NewSize=43m");
        assertThat(jvmOptions(null, "restore")).containsSubsequence("-Xms16m", "-Xms128m")
                .doesNotContain("-Xms256m", "-XX:NewSize=43m");
        assertThat(jvmOptions(null, "list")).contains("-Xms16m").doesNotContain("-Xms128m", "-Xms256m");

        assertThat(jvmOptions("-Xms1g", "backup")).contains("-Xms1g").doesNotContain("-Xms256m",
                "-XX:NewSize=43m");
        assertThat(jvmOptions("-Xmn64m", "backup")).contains("-Xmn64m").doesNotContain("-Xms256m",
                "-XX:NewSize=43m");
    }

    @Test
    void commandsThatPassOverWholeManifestsHandTheirLoopsToTheCompilerSoonerUnlessTheUserChoseWhen()
            throws Exception {
        for (String command : List.of("backup", "restore", "verify", "export")) {
            assertThat(jvmOptions(null, command)).as(command).contains("-XX:Tier3BackEdgeThreshold=5000");
        }
        for (String command : List.of("list", "replicate", "schedule")) {
            assertThat(jvmOptions(null, command)).as(command)
                    .noneMatch(option -> option.contains("Tier3BackEdgeThreshold"));
        }
        assertThat(jvmOptions("-XX:Tier3BackEdgeThreshold=60000", "backup")).contains(
                "-XX:Tier3BackEdgeThreshold=60000").doesNotContain("-XX:Tier3BackEdgeThreshold=5000");
    }

    @Test
    void theFlightRecorderIsLeftOutUnlessTheUserStartsARecording() throws Exception {
        assertThat(jvmOptions(null, "list")).contains("-Djfr.unsupported.vm=true");
        assertThat(jvmOptions(null, "backup")).contains("-Djfr.unsupported.vm=true");
        assertThat(jvmOptions("-XX:StartFlightRecording=filename=x.jfr", "backup"))
                .doesNotContain("-Djfr.unsupported.vm=true");
    }

    @Test
    void withTheFlightRecorderLeftOutJdbiRegistersNoEvent() throws Exception {
        String probe = "class P { public static void main(String[] a) { "
                + "System.out.println(jdk.jfr.FlightRecorder.isAvailable() + \" \" + "
                + "org.jdbi.v3.core.statement.internal.JfrSupport.isFlightRecorderAvailable()); } }";
        Path source = Files.writeString(dir.resolve("P.java"), probe);
        String classPath = System.getProperty("java.class.path");

        assertThat(output(new ProcessBuilder(java(), "-cp", classPath, source.toString())).strip())
                .isEqualTo("true true");
        assertThat(output(new ProcessBuilder(java(), "-Djfr.unsupported.vm=true", "-cp", classPath,
                source.toString())).strip()).isEqualTo("false false");
    }

    @Test
    void theHeapUsesTransparentHugePagesWhereTheKernelGivesThemOnRequestUnlessTheUserChose() throws Exception {
        String option = "-XX:+UseTransparentHugePages";
        assertThat(jvmOptions(null, "backup", "always [madvise] never")).contains(option);
        assertThat(jvmOptions(null, "list", "always [madvise] never")).contains(option);
        assertThat(jvmOptions(null, "backup", "[always] madvise never")).contains(option);
        // off, or no such file (another kernel or system): the JVM would warn on stdout
        assertThat(jvmOptions(null, "backup", "always madvise [never]")).doesNotContain(option);
        assertThat(jvmOptions(null, "backup", null)).doesNotContain(option);
        assertThat(jvmOptions("-XX:-UseTransparentHugePages", "backup", "always [madvise] never"))
                .contains("-XX:-UseTransparentHugePages").doesNotContain(option);
    }

    @Test
    void aRunThatNamesS3MapsTheArchiveWithTheAwsSdk() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path local = Files.writeString(dir.resolve("backman-1.jsa"), "local");
        Path s3 = Files.writeString(dir.resolve("backman-1-s3.jsa"), "s3");
        Files.writeString(work.resolve("offsite.yaml"), "source_paths: [src]\noffsite:\n  - location: s3://b/copy\n");
        Files.writeString(work.resolve("local.yaml"), "source_paths: [src]\nbackup_location: /backups\n");

        assertThat(archiveMapped(work, local, "list")).as("no configuration file").isEqualTo(local);
        assertThat(archiveMapped(work, local, "-r", "s3://b/p", "list")).isEqualTo(s3);
        assertThat(archiveMapped(work, local, "--repo=s3://b/p", "list")).isEqualTo(s3);
        assertThat(archiveMapped(work, local, "-c", "offsite.yaml", "backup")).isEqualTo(s3);
        assertThat(archiveMapped(work, local, "--config", "offsite.yaml", "backup")).isEqualTo(s3);
        assertThat(archiveMapped(work, local, "--config=offsite.yaml", "backup")).isEqualTo(s3);
        assertThat(archiveMapped(work, local, "-c", "local.yaml", "backup")).isEqualTo(local);
        assertThat(archiveMapped(work, local, "-c", "missing.yaml", "backup")).isEqualTo(local);

        Files.writeString(work.resolve("backman.yaml"), "backup_location: \"s3://b/p\"\n");
        assertThat(archiveMapped(work, local, "backup")).as("./backman.yaml").isEqualTo(s3);
        assertThat(archiveMapped(work, local, "-c", "local.yaml", "backup")).isEqualTo(local);

        Files.delete(s3); // a training whose second archive failed
        assertThat(archiveMapped(work, local, "backup")).isEqualTo(local);
    }

    /** The class-data archive {@code backman_exec} maps for {@code args}, run in {@code work}. */
    private Path archiveMapped(Path work, Path archive, String... args) throws IOException, InterruptedException {
        Path printer = argumentPrinter();
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                ". \"$0\" && jvm=$1 jsa=$2 && shift 2 && backman_exec \"$jvm\" \"$jsa\" /nonexistent.json -cp x Main "
                        + "\"$@\"", LAUNCHER_LIBRARY.toAbsolutePath().toString(), printer.toString(),
                archive.toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(work.toFile());
        process.environment().remove("BACKMAN_JAVA_OPTS");
        Process started = process.redirectErrorStream(true).start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(out).isZero();
        List<String> mapped = Stream.of(out.split("\n")).filter(line -> line.startsWith("-XX:SharedArchiveFile="))
                .toList();
        assertThat(mapped).as(out).hasSize(1);
        return Path.of(mapped.get(0).substring("-XX:SharedArchiveFile=".length()));
    }

    /** A stand-in for {@code java} that prints its arguments, one per line. */
    private Path argumentPrinter() throws IOException {
        Path printer = dir.resolve("print-args");
        Files.writeString(printer, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        assertThat(printer.toFile().setExecutable(true)).isTrue();
        return printer;
    }

    private String archivedClasses(Path archive, String classPath) throws IOException, InterruptedException {
        return output(new ProcessBuilder(java(), "-XX:SharedArchiveFile=" + archive,
                "-XX:+PrintSharedArchiveAndExit", "-cp", classPath, Main.class.getName()));
    }

    /** The options {@code backman_exec} gives the JVM for a command, where the kernel has no huge pages to give. */
    private List<String> jvmOptions(String userOptions, String command) throws IOException, InterruptedException {
        return jvmOptions(userOptions, command, null);
    }

    /**
     * The options {@code backman_exec} gives the JVM for a command, with a stand-in that prints them; {@code thp} is
     * what the kernel's transparent huge page setting reads, or null for a kernel without that file.
     */
    private List<String> jvmOptions(String userOptions, String command, String thp)
            throws IOException, InterruptedException {
        Path printer = argumentPrinter();
        Path thpSetting = dir.resolve("thp-enabled");
        Files.deleteIfExists(thpSetting);
        if (thp != null) {
            Files.writeString(thpSetting, thp + "\n");
        }
        ProcessBuilder process = new ProcessBuilder("sh", "-c",
                ". \"$0\" && backman_thp_setting=$3 && backman_exec \"$1\" /nonexistent.jsa /nonexistent.json "
                        + "-cp x Main \"$2\"",
                LAUNCHER_LIBRARY.toAbsolutePath().toString(), printer.toString(), command, thpSetting.toString());
        if (userOptions == null) {
            process.environment().remove("BACKMAN_JAVA_OPTS");
        } else {
            process.environment().put("BACKMAN_JAVA_OPTS", userOptions);
        }
        Process started = process.redirectErrorStream(true).start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).as(out).isZero();
        return List.of(out.split("\n"));
    }

    /** {@code backman_exec} with this test's class path, in a scratch directory with a configuration file. */
    private Cli.Result launch(Path directives, String... args) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src").resolve("file.txt"), "launched");
        Files.writeString(work.resolve("backman.yaml"), "source_paths: [src]\nbackup_location: repo\n");
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                ". \"$0\" && jvm=$1 jit=$2 cp=$3 && shift 3 && backman_exec \"$jvm\" /nonexistent.jsa \"$jit\" "
                        + "-cp \"$cp\" " + Main.class.getName() + " \"$@\"",
                LAUNCHER_LIBRARY.toAbsolutePath().toString(), java(), directives.toString(),
                System.getProperty("java.class.path")));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(work.toFile());
        process.environment().put("BACKMAN_DATA_DIR", dir.resolve("data").toString());
        process.environment().remove("BACKMAN_JAVA_OPTS");
        Path out = dir.resolve("launch.out");
        Path err = dir.resolve("launch.err");
        int code = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Cli.Result(code, Files.readString(out), Files.readString(err));
    }

    /**
     * The test class path without the test classes, each directory of classes as a jar: class-data sharing accepts
     * jars only (in a reactor build this module's and other modules' classes are directories).
     */
    private String jarClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar")) {
                entries.add(entry);
            } else if (Files.isDirectory(path) && !path.endsWith("test-classes")) {
                entries.add(jarOf(path, dir.resolve("classes-" + entries.size() + ".jar")).toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int run(ProcessBuilder process) throws IOException, InterruptedException {
        Path log = dir.resolve("training.log");
        Process started = process.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = started.waitFor();
        if (code != 0) {
            System.err.println(Files.readString(log));
        }
        return code;
    }

    private String output(ProcessBuilder process) throws IOException, InterruptedException {
        Path log = dir.resolve("contents.txt");
        process.redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        return Files.readString(log);
    }
}
