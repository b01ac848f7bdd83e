package dev.backman.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.WrongPassphrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyEnvelopeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KdfParameters CHEAP = KdfParameters.fresh(RANDOM, 8 * 1024, 1, 1);

    @Test
    void theRightPassphraseUnwrapsAKeyThatDecryptsWhatTheOriginalEncrypted() throws IOException {
        DataKey key = DataKey.generate();
        KeyEnvelope envelope = KeyEnvelope.seal(key, "correct horse".toCharArray(), CHEAP, RANDOM);
        MemoryStorage inner = new MemoryStorage();
        new EncryptedArchiveStorage(inner, () -> key).put("manifests/b1.json", "hello".getBytes(StandardCharsets.UTF_8));

        DataKey opened = envelope.open("correct horse".toCharArray(), "repo");
        try (InputStream in = new EncryptedArchiveStorage(inner, () -> opened).find("manifests/b1.json").orElseThrow()
                .openStream()) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWrongPassphraseIsReportedWithoutRevealingIt() {
        KeyEnvelope envelope = KeyEnvelope.seal(DataKey.generate(), "correct horse".toCharArray(), CHEAP, RANDOM);

        assertThatThrownBy(() -> envelope.open("battery staple".toCharArray(), "/srv/repo"))
                .isInstanceOf(WrongPassphrase.class)
                .hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining("battery").hasMessageNotContaining("correct");
    }

    @Test
    void rewrapKeepsTheKeyAndRetiresTheOldPassphrase() {
        KeyEnvelope old = KeyEnvelope.seal(DataKey.generate(), "old".toCharArray(), CHEAP, RANDOM);

        KeyEnvelope rewrapped = old.rewrap("old".toCharArray(), "new".toCharArray(),
                KdfParameters.fresh(RANDOM, 8 * 1024, 1, 1), RANDOM, "repo");

        assertThat(rewrapped.open("new".toCharArray(), "repo").keysetBytes())
                .isEqualTo(old.open("old".toCharArray(), "repo").keysetBytes());
        assertThatThrownBy(() -> rewrapped.open("old".toCharArray(), "repo")).isInstanceOf(WrongPassphrase.class);
    }

    @Test
    void hostileKdfCostsAreRefused() {
        assertThatThrownBy(() -> new KdfParameters(new byte[16], 64 * 1024 * 1024, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParameters(new byte[16], 65536, 1_000_000, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultArgon2idCostsStayInteractive() {
        long started = System.nanoTime();
        PassphraseKdf.derive("p".toCharArray(), KdfParameters.defaults(RANDOM));
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(5_000);
    }
}
