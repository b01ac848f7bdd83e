package dev.backman.crypto;

import dev.backman.domain.model.RepositoryLayout;
import java.nio.charset.StandardCharsets;

/**
 * Which objects of a repository are encrypted and under which stored key: everything but {@code backman.repo.json}
 * and {@code locks/}; archives get {@code .enc} appended ({@code archives/b1.zip} is stored as
 * {@code archives/b1.zip.enc}), manifests keep their names. The logical key is the associated data of the object's
 * ciphertext, so an object moved to another key (another backup's archive) no longer decrypts.
 */
final class CipherKeys {
    static final String SUFFIX = ".enc";

    private CipherKeys() {
    }

    static boolean inClear(String key) {
        return key.equals(RepositoryLayout.DESCRIPTOR) || key.startsWith(RepositoryLayout.LOCKS);
    }

    static String stored(String key) {
        return key.startsWith(RepositoryLayout.ARCHIVES) && !inClear(key) ? key + SUFFIX : key;
    }

    /** The logical key of a stored one, or null for an archive that is not encrypted (not this repository's). */
    static String logical(String storedKey) {
        if (!storedKey.startsWith(RepositoryLayout.ARCHIVES)) {
            return storedKey;
        }
        return storedKey.endsWith(SUFFIX) ? storedKey.substring(0, storedKey.length() - SUFFIX.length()) : null;
    }

    static byte[] associatedData(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
