package dev.backman.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.cli.config.EncryptionOptions;
import dev.backman.domain.error.InvalidConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a passphrase comes from: the environment, a file, or a prompt on the terminal; never into a message. */
class PassphrasesTest {
    private static final String SECRET = "s3cret horse battery";
    private static final EncryptionOptions PROMPT = EncryptionOptions.none();

    @TempDir
    Path dir;

    @Test
    void theNamedEnvironmentVariableGivesThePassphrase() {
        Passphrases passphrases = new Passphrases(Map.of("MY_PASS", SECRET), (PasswordPrompt) null);

        char[] passphrase = passphrases.existing(new EncryptionOptions("MY_PASS", null, false), "encryption", "repo");

        assertThat(new String(passphrase)).isEqualTo(SECRET);
    }

    @Test
    void anUnsetVariableIsAConfigurationErrorNamingItButNoSecret() {
        Passphrases passphrases = new Passphrases(Map.of("OTHER", SECRET), (PasswordPrompt) null);

        assertThatThrownBy(() -> passphrases.existing(new EncryptionOptions("MY_PASS", null, false), "encryption",
                "repo")).isInstanceOf(InvalidConfiguration.class).hasMessageContaining("MY_PASS")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aFileGivesItsContentLessOneFinalLineBreak() throws IOException {
        Path file = Files.writeString(dir.resolve("pass.txt"), SECRET + "\r\n", StandardCharsets.UTF_8);
        Passphrases passphrases = new Passphrases(Map.of(), (PasswordPrompt) null);

        char[] passphrase = passphrases.existing(new EncryptionOptions(null, file, false), "encryption", "repo");

        assertThat(new String(passphrase)).isEqualTo(SECRET);
    }

    @Test
    void withoutASourceTheTerminalIsAskedWithoutTheSecretInThePrompt() {
        ScriptedPrompt terminal = new ScriptedPrompt(SECRET);

        char[] passphrase = new Passphrases(Map.of(), terminal).existing(PROMPT, "encryption", "/srv/backups");

        assertThat(new String(passphrase)).isEqualTo(SECRET);
        assertThat(terminal.asked).containsExactly("Passphrase for /srv/backups: ");
    }

    @Test
    void aNewPassphraseIsTypedTwiceAndMustMatch() {
        ScriptedPrompt same = new ScriptedPrompt(SECRET, SECRET);
        assertThat(new String(new Passphrases(Map.of(), same).fresh(PROMPT, "encryption", "repo"))).isEqualTo(SECRET);
        assertThat(same.asked).hasSize(2);

        ScriptedPrompt differing = new ScriptedPrompt(SECRET, SECRET + "x");
        assertThatThrownBy(() -> new Passphrases(Map.of(), differing).fresh(PROMPT, "encryption", "repo"))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("differ")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anEmptyAnswerOrNoTerminalAtAllIsAnError() {
        assertThatThrownBy(() -> new Passphrases(Map.of(), new ScriptedPrompt("")).existing(PROMPT, "encryption",
                "repo")).isInstanceOf(InvalidConfiguration.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> new Passphrases(Map.of(), (PasswordPrompt) null).existing(PROMPT, "encryption",
                "repo")).isInstanceOf(InvalidConfiguration.class).hasMessageContaining("passphrase_env")
                .hasMessageContaining("terminal");
    }

    /** A terminal on which the user types the given lines, in order. */
    private static final class ScriptedPrompt implements PasswordPrompt {
        private final Deque<String> typed;
        final List<String> asked = new ArrayList<>();

        ScriptedPrompt(String... typed) {
            this.typed = new ArrayDeque<>(List.of(typed));
        }

        @Override
        public char[] read(String prompt) {
            asked.add(prompt);
            return typed.isEmpty() ? null : typed.removeFirst().toCharArray();
        }
    }
}
