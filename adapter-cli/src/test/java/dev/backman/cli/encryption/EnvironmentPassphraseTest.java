package dev.backman.cli.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.cli.ChildJvm;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code encryption: {passphrase_env: NAME}} read from the real environment of a backman process. */
class EnvironmentPassphraseTest {
    private static final String VARIABLE = "BACKMAN_TEST_PASSPHRASE";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void thePassphraseComesFromTheNamedVariableAndAWrongOneIsRefused() throws Exception {
        projectEncryptedWithTheVariable();

        Run backup = run(PASSPHRASE, "backup", "--id", "b1");
        Run restore = run(PASSPHRASE, "restore", "b1", "--target", "out");
        Run wrong = run("not the passphrase", "restore", "b1", "--target", "elsewhere");
        Run unset = run(null, "list");

        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(Files.exists(dir.resolve("backups/archives/b1.tar.zst.enc"))).isTrue();
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/project/sub/notes.md"))).isEqualTo("meeting notes\n");
        assertThat(wrong.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(wrong.err()).contains("wrong passphrase").doesNotContain(PASSPHRASE)
                .doesNotContain("not the passphrase");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
        assertThat(unset.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unset.err()).contains(VARIABLE).contains("not set");
    }

    @Test
    void aNewRepositoryWhoseVariableIsNotSetIsRefusedWithoutABackupAndAnEmptyOneToo() throws Exception {
        projectEncryptedWithTheVariable();

        Run unset = run(null, "backup", "--id", "b1");
        Run empty = run("", "backup", "--id", "b1");
        Run set = run(PASSPHRASE, "backup", "--id", "b1");

        assertThat(unset.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unset.err()).contains(VARIABLE).contains("not set");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("empty");
        assertThat(set.code()).as(set.err()).isZero(); // neither refusal left a half-made repository behind
        assertThat(dir.resolve("backups/archives/b1.tar.zst.enc")).isRegularFile();
    }

    /** A source folder and a configuration that encrypts with the passphrase in {@link #VARIABLE}. */
    private void projectEncryptedWithTheVariable() throws IOException {
        Files.createDirectories(dir.resolve("project/sub"));
        Files.writeString(dir.resolve("project/sub/notes.md"), "meeting notes\n");
        Files.writeString(dir.resolve("backman.yaml"), "source_paths: [project]\ncompression_type: tar.zst\n"
                + "encryption: {passphrase_env: " + VARIABLE + "}\n");
    }

    private Run run(String passphrase, String... args) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "child", ".err");
        ProcessBuilder builder = ChildJvm.of(dir, Main.class, List.of(args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        builder.environment().remove(VARIABLE);
        if (passphrase != null) {
            builder.environment().put(VARIABLE, passphrase);
        }
        builder.environment().put("BACKMAN_DATA_DIR", dir.resolve("data").toString()); // the catalog of the run
        int code = builder.start().waitFor();
        return new Run(code, Files.readString(err));
    }

    private record Run(int code, String err) {
    }
}
