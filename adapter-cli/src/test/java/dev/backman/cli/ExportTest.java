package dev.backman.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    @TempDir
    Path dir;
    Cli cli;
    Path source;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir);
        source = SourceTree.create(dir.resolve("project"));
    }

    @Test
    void zipExportOfATarGzBackupReadsBackWithTheJdkAsTheSourceTree() throws IOException {
        backup("b1", "tar.gz");

        Cli.Result export = cli.run("--json", "export", "b1", "-o", "b1.zip");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        JsonNode json = export.json();
        assertThat(json.get("backup_id").asText()).isEqualTo("b1");
        assertThat(json.get("format").asText()).isEqualTo("zip");
        assertThat(json.get("files").asLong()).isEqualTo(3);
        assertThat(json.get("bytes").asLong()).isEqualTo(14 + 12 + 10_000);
        assertThat(json.get("output").asText()).isEqualTo(dir.resolve("b1.zip").toString());
        Path extracted = unzip(dir.resolve("b1.zip"), dir.resolve("unzipped"));
        assertThat(SourceTree.read(extracted.resolve("project"))).isEqualTo(SourceTree.read(source));
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void tarGzExportOfALaterBackupExtractsWithGnuTarAsTheWholeTree() throws Exception {
        Assumptions.assumeTrue(gnuTarAvailable(), "GNU tar is not installed");
        backup("b1", "zip");
        Files.writeString(source.resolve("sub/b.txt"), "second file, changed\n");
        Files.writeString(source.resolve("new.txt"), "added later\n");
        Instant mtime = Instant.parse("2024-05-06T07:08:09Z");
        Files.setLastModifiedTime(source.resolve("a.txt"), FileTime.from(mtime));
        backup("b2", "zip");
        assertThat(cli.run("--json", "status", "b2").json().get("backup_type").asText())
                .as("b2 needs b1's archive for the unchanged files").isEqualTo("incremental");

        Cli.Result export = cli.run("export", "b2", "-o", "b2.tar.gz");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("exported b2 to " + dir.resolve("b2.tar.gz")).contains("4 files");
        Path extracted = Files.createDirectories(dir.resolve("untarred"));
        Process tar = new ProcessBuilder("tar", "-xzf", dir.resolve("b2.tar.gz").toString(), "-C", extracted.toString())
                .redirectErrorStream(true).start();
        String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(tarOutput).isZero();
        assertThat(SourceTree.read(extracted.resolve("project"))).isEqualTo(SourceTree.read(source));
        assertThat(Files.getLastModifiedTime(extracted.resolve("project/a.txt")).toInstant()).isEqualTo(mtime);
    }

    @Test
    void existingFileIsReplacedWhenTheExportSucceeds() throws IOException {
        backup("b1", "zip");
        Files.writeString(dir.resolve("b1.tar"), "an older export");

        Cli.Result export = cli.run("export", "b1", "--output", "b1.tar");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.size(dir.resolve("b1.tar"))).isGreaterThan(10_000);
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void damagedBackupExitsThreeLeavingNoFileAndAnExistingOneUntouched() throws IOException {
        backup("b1", "tar"); // an uncompressed tar keeps contents verbatim, so one file's bytes can be damaged
        ArchiveDamage.replace(dir.resolve("backups/archives/b1.tar"), "hello backman", "HELLO BACKMAN");
        Files.writeString(dir.resolve("kept.zip"), "an older export");

        Cli.Result fresh = cli.run("export", "b1", "-o", "fresh.tar.gz");
        Cli.Result overExisting = cli.run("export", "b1", "-o", "kept.zip");

        assertThat(fresh.exitCode()).as(fresh.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(fresh.err()).contains("a.txt");
        assertThat(dir.resolve("fresh.tar.gz")).doesNotExist();
        assertThat(overExisting.exitCode()).as(overExisting.toString()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(dir.resolve("kept.zip")).hasContent("an older export");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void unknownBackupIdFailsWithExitOneAndWritesNothing() throws IOException {
        backup("b1", "zip");

        Cli.Result export = cli.run("export", "nope", "-o", "nope.zip");

        assertThat(export.exitCode()).as(export.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(export.err()).contains("nope");
        assertThat(dir.resolve("nope.zip")).doesNotExist();
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void fileWithoutAKnownExtensionIsAUsageErrorNamingTheExtensions() {
        backup("b1", "zip");

        for (String file : List.of("b1.rar", "b1", "b1.gz", "b1.tar.gz.part")) {
            Cli.Result export = cli.run("export", "b1", "-o", file);

            assertThat(export.exitCode()).as(file).isEqualTo(ExitCodes.USAGE);
            assertThat(export.err()).as(file).contains(file)
                    .contains(".zip, .tar, .tar.gz, .tar.bz2, .tar.zst, .tar.xz");
            assertThat(dir.resolve(file)).doesNotExist();
        }
    }

    @Test
    void missingOutputOrDirectoryIsAUsageError() {
        backup("b1", "zip");

        assertThat(cli.run("export", "b1").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result noDirectory = cli.run("export", "b1", "-o", "missing/b1.zip");
        assertThat(noDirectory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDirectory.err()).contains("does not exist");
        assertThat(cli.run("export", "b1", "-o", "project").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private void backup(String id, String format) {
        Cli.Result backup = cli.run("backup", "project", "--id", id, "--format", format);
        assertThat(backup.exitCode()).as(backup.toString()).isZero();
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static Path unzip(Path zip, Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                assertThat(out.startsWith(target)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target;
    }

    private static boolean gnuTarAvailable() {
        try {
            Process tar = new ProcessBuilder("tar", "--version").redirectErrorStream(true).start();
            String version = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return tar.waitFor(10, TimeUnit.SECONDS) && tar.exitValue() == 0 && version.contains("GNU tar");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
