package dev.backman.cli.wiring;

import dev.backman.cli.config.RunSettings;
import dev.backman.crypto.DataKey;
import dev.backman.crypto.EncryptedArchiveStorage;
import dev.backman.crypto.KdfParameters;
import dev.backman.crypto.KeyEnvelope;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.RepositoryLayout;
import dev.backman.domain.port.ArchiveStorage;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The data key of one run's repository. An existing encrypted repository is unlocked when its storage is opened, so
 * a wrong passphrase fails before anything is read or written; a new repository is encrypted when
 * {@code encryption:} or {@code init --encrypt} asks, its key made (and its passphrase asked for) on first use;
 * when that passphrase comes from a file or a variable (no prompt to answer), the key is made and wrapped on a thread
 * of its own from the start, as an existing key is unwrapped.
 * Offsite copies are encrypted with the same key.
 */
final class RepositoryKeyring {
    private final RunSettings settings;
    private final Passphrases passphrases;
    private final EncryptionSection section = new EncryptionSection();
    private final SecureRandom random = new SecureRandom();
    private boolean encrypted;
    private Optional<byte[]> descriptorAtOpen; // backman.repo.json as protect() read it
    private boolean creating;
    private DataKey key;
    private KeyEnvelope envelope;
    private CompletableFuture<DataKey> unlocking; // an existing repository's key, being derived
    private CompletableFuture<NewKey> sealing; // a new repository's key, being made and wrapped

    RepositoryKeyring(RunSettings settings, Passphrases passphrases) {
        this.settings = settings;
        this.passphrases = passphrases;
    }

    /** The repository's storage, decrypting and encrypting when the repository is (or is to be) encrypted. */
    synchronized ArchiveStorage protect(ArchiveStorage raw) {
        try {
            Optional<byte[]> descriptor = raw.read(RepositoryLayout.DESCRIPTOR);
            descriptorAtOpen = descriptor;
            if (descriptor.isPresent()) {
                DescriptorFormat.requireReadable(descriptor.get(), raw.location());
                Optional<KeyEnvelope> stored = section.read(descriptor.get(), raw.location());
                if (stored.isEmpty()) {
                    if (settings.encryption().requested()) {
                        throw new InvalidConfiguration("encryption", "the repository at " + raw.location()
                                + " exists and is not encrypted; an encrypted repository must be a new one");
                    }
                    return raw;
                }
                envelope = stored.get();
                unlocking = startUnlock(envelope, raw.location());
            } else if (settings.encryption().requested()) {
                creating = true;
                if (settings.encryption().passphraseEnv() != null || settings.encryption().passphraseFile() != null) {
                    sealing = inBackground("backman-seal", this::newKey);
                }
            } else {
                return raw;
            }
            encrypted = true;
            return new EncryptedArchiveStorage(raw, this::key);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** An offsite copy's storage: encrypted with the repository's key when the repository is encrypted. */
    synchronized ArchiveStorage protectOffsite(ArchiveStorage raw) {
        return encrypted ? new EncryptedArchiveStorage(raw, this::key) : raw;
    }

    synchronized boolean encrypted() {
        return encrypted;
    }

    /**
     * The repository's {@code backman.repo.json} as it was when its storage was opened, which read it anyway; empty
     * when the repository did not exist then. What never changes in it (the repository id), or whether it exists
     * at the start of a command, need not be read again.
     */
    synchronized Optional<byte[]> descriptorAtOpen() {
        if (descriptorAtOpen == null) {
            throw new IllegalStateException("the repository's storage is not open yet");
        }
        return descriptorAtOpen;
    }

    /** The wrapped key of a repository this run creates, or empty when it creates none (or an unencrypted one). */
    synchronized Optional<KeyEnvelope> newEnvelope() {
        if (!creating) {
            return Optional.empty();
        }
        key();
        return Optional.of(envelope);
    }

    /** The same key wrapped under a new passphrase, for {@code key change-passphrase}. */
    synchronized KeyEnvelope rewrapped(char[] newPassphrase) {
        return KeyEnvelope.seal(key(), newPassphrase, KdfParameters.defaults(random), random);
    }

    EncryptionSection section() {
        return section;
    }

    /**
     * Waits until the key of an existing encrypted repository is derived: a wrong passphrase fails here. Every
     * command calls this before it locks or reads the repository; a backup's scan of its sources runs meanwhile.
     */
    synchronized void awaitKey() {
        if (key == null && unlocking != null) {
            key = join(unlocking);
        }
    }

    private synchronized DataKey key() {
        awaitKey();
        if (key == null) { // a new repository: its key and wrapped key, made meanwhile or now
            NewKey made = sealing != null ? join(sealing) : newKey();
            key = made.key();
            envelope = made.envelope();
        }
        return key;
    }

    private NewKey newKey() {
        char[] passphrase = passphrases.fresh(settings.encryption(), "encryption", settings.location().value());
        try {
            DataKey made = DataKey.generate();
            return new NewKey(made, KeyEnvelope.seal(made, passphrase, KdfParameters.defaults(random), random));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Reads the passphrase now (a prompt is answered before anything else runs) and derives the key on a thread of
     * its own: Argon2id takes about a second, which a backup spends scanning its sources.
     */
    private CompletableFuture<DataKey> startUnlock(KeyEnvelope stored, String location) {
        char[] passphrase = passphrases.existing(settings.encryption(), "encryption", location);
        return inBackground("backman-unlock", () -> {
            try {
                return stored.open(passphrase, location);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        });
    }

    private static <T> CompletableFuture<T> inBackground(String threadName, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The result of work done in the background; its failure is thrown as it was (a wrong passphrase, say). */
    private static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private record NewKey(DataKey key, KeyEnvelope envelope) {
    }

}
