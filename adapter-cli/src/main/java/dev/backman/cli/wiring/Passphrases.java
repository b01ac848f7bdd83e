package dev.backman.cli.wiring;

import dev.backman.cli.config.EncryptionOptions;
import dev.backman.domain.error.InvalidConfiguration;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/**
 * Where passphrases come from: an environment variable, a file (less one final line break), or a prompt without
 * echo when neither is set and a terminal exists. Passphrases are {@code char[]} that callers wipe; no message built
 * here contains one.
 */
public final class Passphrases {
    private final Map<String, String> environment;
    private final PasswordPrompt console;

    public Passphrases(Map<String, String> environment, Console console) {
        this(environment, PasswordPrompt.of(console));
    }

    Passphrases(Map<String, String> environment, PasswordPrompt console) {
        this.environment = environment;
        this.console = console;
    }

    /** The passphrase of the encrypted repository at {@code location}. */
    public char[] existing(EncryptionOptions source, String key, String location) {
        return read(source, key, () -> console.read("Passphrase for " + location + ": "), location);
    }

    /** A new passphrase (for a new repository, or to replace the current one); a prompt asks twice. */
    public char[] fresh(EncryptionOptions source, String key, String location) {
        return read(source, key, () -> {
            char[] first = console.read("New passphrase for " + location + ": ");
            char[] again = console.read("Repeat the new passphrase: ");
            boolean same = first != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                throw new InvalidConfiguration(key, "the two passphrases typed differ");
            }
            return first;
        }, location);
    }

    private char[] read(EncryptionOptions source, String key, Prompt prompt, String location) {
        char[] passphrase;
        if (source.passphraseEnv() != null) {
            String value = environment.get(source.passphraseEnv());
            if (value == null) {
                throw new InvalidConfiguration(key, "environment variable " + source.passphraseEnv() + " is not set");
            }
            passphrase = value.toCharArray();
        } else if (source.passphraseFile() != null) {
            passphrase = fromFile(source, key);
        } else if (console != null) {
            passphrase = prompt.ask();
        } else {
            throw new InvalidConfiguration(key, "the repository at " + location + " is encrypted and no passphrase "
                    + "source is set: give encryption: {passphrase_env: NAME} or {passphrase_file: PATH}, or run "
                    + "on a terminal");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new InvalidConfiguration(key, "the passphrase is empty");
        }
        return passphrase;
    }

    private static char[] fromFile(EncryptionOptions source, String key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source.passphraseFile());
        } catch (IOException e) {
            throw new InvalidConfiguration(key, "cannot read the passphrase file " + source.passphraseFile() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\n') {
                end--;
                if (end > 0 && bytes[end - 1] == '\r') {
                    end--;
                }
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            char[] passphrase = new char[chars.remaining()];
            chars.get(passphrase);
            Arrays.fill(chars.array(), '\0');
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new InvalidConfiguration(key, "the passphrase file " + source.passphraseFile() + " is not UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private interface Prompt {
        char[] ask();
    }
}
