package dev.backman.cli.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.Cli;
import dev.backman.cli.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An encrypted repository in S3 with an offsite copy in a directory: the copy holds the same ciphertext. */
class EncryptedS3RepositoryTest {
    private static final String MARKER = "SECRETMARKER9c1d";

    @RegisterExtension
    static final S3Server server = new S3Server();

    @TempDir
    Path dir;
    Cli cli;
    Path project;
    String bucket;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(dir);
        project = SourceTree.create(dir.resolve("project"));
        Files.writeString(project.resolve(MARKER + ".txt"), MARKER.repeat(100));
        Files.writeString(dir.resolve("pass.txt"), "s3 passphrase\n");
        bucket = server.newBucket();
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncompression_type: tar.zst\n"
                + "backup_location: s3://" + bucket + "/repo\n"
                + "offsite:\n  - {location: second-copy}\n"
                + "encryption: {passphrase_file: pass.txt}\n" + server.s3Block());
    }

    @Test
    void archivesAndManifestsInS3AndInTheOffsiteCopyAreTheSameCiphertext() throws IOException {
        Cli.Result backup = cli.run("--json", "backup", "--id", "b1");

        assertThat(backup.exitCode()).as(backup.toString()).isZero();
        assertThat(backup.json().get("encrypted").asBoolean()).isTrue();
        assertThat(backup.json().get("replicas").get(0).get("status").asText()).isEqualTo("verified");
        assertThat(server.keys(bucket, "repo/")).containsExactly("repo/archives/b1.tar.zst.enc",
                "repo/backman.repo.json", "repo/manifests/b1.json");
        byte[] archive = object("repo/archives/b1.tar.zst.enc");
        byte[] manifest = object("repo/manifests/b1.json");
        assertThat(new String(archive, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        assertThat(new String(manifest, StandardCharsets.ISO_8859_1)).doesNotContain(MARKER);
        assertThat(dir.resolve("second-copy/archives/b1.tar.zst.enc")).hasBinaryContent(archive);
        assertThat(dir.resolve("second-copy/manifests/b1.json")).hasBinaryContent(manifest);

        Cli.Result verify = cli.run("verify");
        Cli.Result restore = cli.run("restore", "b1", "--target", "from-s3");
        Cli.Result fromCopy = cli.run("-r", "second-copy", "restore", "b1", "--target", "from-copy");

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("from-s3/project"))).isEqualTo(SourceTree.read(project));
        assertThat(fromCopy.exitCode()).as(fromCopy.toString()).isZero();
        assertThat(SourceTree.read(dir.resolve("from-copy/project"))).isEqualTo(SourceTree.read(project));
    }

    private byte[] object(String key) {
        return server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }
}
