package dev.backman.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Argon2id parameters that turn a passphrase into the key-encryption key; stored beside the wrapped key. Bounds are
 * checked so that a hostile {@code backman.repo.json} cannot make backman allocate gigabytes or loop for hours.
 *
 * @param salt        16 or more random bytes
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost (passes over the memory)
 * @param parallelism lanes
 */
public record KdfParameters(byte[] salt, int memoryKib, int iterations, int parallelism) {
    /** 64 MiB, 3 passes, 1 lane: about a third of a second here, the OWASP-recommended order of magnitude. */
    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    /** Default time cost: 3 passes over the memory. */
    public static final int DEFAULT_ITERATIONS = 3;
    /** Default lanes: 1. */
    public static final int DEFAULT_PARALLELISM = 1;
    static final int SALT_BYTES = 16;

    /**
     * Checks the components.
     *
     * @param salt 16 or more random bytes
     * @param memoryKib memory cost in KiB
     * @param iterations time cost (passes over the memory)
     * @param parallelism lanes
     */
    public KdfParameters {
        if (salt == null || salt.length < SALT_BYTES || salt.length > 64) {
            throw new IllegalArgumentException("Argon2id salt must have 16 to 64 bytes");
        }
        if (memoryKib < 8 * 1024 || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2id memory must be 8 MiB to 4 GiB, not " + memoryKib + " KiB");
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("Argon2id iterations must be 1 to 100, not " + iterations);
        }
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1 to 16, not " + parallelism);
        }
        salt = salt.clone();
    }

    /**
     * New parameters with a fresh random salt and the given costs.
     *
     * @param random      source of the salt
     * @param memoryKib   memory cost in KiB
     * @param iterations  time cost (passes over the memory)
     * @param parallelism lanes
     * @return the parameters
     */
    public static KdfParameters fresh(SecureRandom random, int memoryKib, int iterations, int parallelism) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new KdfParameters(salt, memoryKib, iterations, parallelism);
    }

    /**
     * New parameters with a fresh random salt and the default costs.
     *
     * @param random source of the salt
     * @return the parameters
     */
    public static KdfParameters defaults(SecureRandom random) {
        return fresh(random, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * The salt.
     *
     * @return a copy of the salt's bytes
     */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KdfParameters p && Arrays.equals(salt, p.salt) && memoryKib == p.memoryKib
                && iterations == p.iterations && parallelism == p.parallelism;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt) * 31 + memoryKib;
    }

    @Override
    public String toString() {
        return "argon2id(m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
