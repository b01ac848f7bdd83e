package dev.backman.cli.config;

import java.nio.file.Path;

/**
 * The {@code encryption:} block and {@code init --encrypt}: where the passphrase comes from (an environment variable,
 * a file, or else a prompt on the terminal) and whether a new repository is to be encrypted. The passphrase itself
 * is never part of the settings.
 *
 * @param passphraseEnv  name of the environment variable holding the passphrase, or null
 * @param passphraseFile file whose content (less a final line break) is the passphrase, or null
 * @param requested      whether a repository created by this run is encrypted
 */
public record EncryptionOptions(String passphraseEnv, Path passphraseFile, boolean requested) {

    /**
     * No {@code encryption:} block: an existing encrypted repository still asks for its passphrase.
     *
     * @return options without a passphrase source
     */
    public static EncryptionOptions none() {
        return new EncryptionOptions(null, null, false);
    }

    /**
     * The same sources, asking for a new repository to be encrypted ({@code init --encrypt}).
     *
     * @return a changed copy
     */
    public EncryptionOptions withRequested() {
        return new EncryptionOptions(passphraseEnv, passphraseFile, true);
    }
}
