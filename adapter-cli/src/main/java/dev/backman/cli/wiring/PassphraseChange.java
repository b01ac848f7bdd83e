package dev.backman.cli.wiring;

import dev.backman.cli.config.EncryptionOptions;
import dev.backman.cli.config.RunSettings;
import dev.backman.crypto.KeyEnvelope;
import dev.backman.domain.error.BackupException;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import dev.backman.domain.port.ProgressListener;
import dev.backman.domain.port.RepositoryLock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code key change-passphrase}: wraps the repository's data key under a new passphrase and rewrites
 * {@code backman.repo.json} (and the copies of it at the offsite locations), under the repository lock. No archive
 * or manifest is touched: they stay encrypted with the same data key.
 */
final class PassphraseChange {
    private final RunSettings settings;
    private final RepositoryKeyring keyring;
    private final Passphrases passphrases;
    private final ProgressListener listener;

    PassphraseChange(RunSettings settings, RepositoryKeyring keyring, Passphrases passphrases,
                     ProgressListener listener) {
        this.settings = settings;
        this.keyring = keyring;
        this.passphrases = passphrases;
        this.listener = listener;
    }

    /** Rewraps; returns the locations whose descriptor now holds the new wrapped key. */
    List<String> run(ArchiveStorage repository, RepositoryLock lock, List<ArchiveStorage> offsite,
                     EncryptionOptions newSource) {
        if (!keyring.encrypted()) {
            throw new InvalidConfiguration("key change-passphrase", "the repository at " + repository.location()
                    + " is not encrypted");
        }
        char[] fresh = passphrases.fresh(newSource, "--new-passphrase", settings.location().value());
        KeyEnvelope envelope;
        try {
            envelope = keyring.rewrapped(fresh);
        } finally {
            Arrays.fill(fresh, '\0');
        }
        List<String> updated = new ArrayList<>();
        try (RepositoryLock.Held held = lock.acquire("key change-passphrase", settings.lockWait())) {
            rewrite(repository, envelope);
            updated.add(repository.location());
            for (ArchiveStorage copy : offsite) {
                try {
                    if (rewrite(copy, envelope)) {
                        updated.add(copy.location());
                    }
                } catch (BackupException e) {
                    listener.onWarning("the offsite copy at " + copy.location() + " keeps the old passphrase: "
                            + e.getMessage());
                }
            }
        }
        return updated;
    }

    private boolean rewrite(ArchiveStorage storage, KeyEnvelope envelope) {
        Optional<byte[]> descriptor = storage.read(RepositoryLayout.DESCRIPTOR);
        if (descriptor.isEmpty() || keyring.section().read(descriptor.get(), storage.location()).isEmpty()) {
            return false;
        }
        storage.put(RepositoryLayout.DESCRIPTOR, keyring.section().write(descriptor.get(), envelope));
        return true;
    }
}
