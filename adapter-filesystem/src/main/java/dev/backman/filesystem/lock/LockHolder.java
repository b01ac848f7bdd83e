package dev.backman.filesystem.lock;

/**
 * The lock record a writer leaves in {@code locks/} while it holds the repository, so that others can say who
 * holds it.
 *
 * @param since when the lock was taken, ISO-8601 with offset
 */
record LockHolder(long pid, String host, String operation, String since) {

    /** E.g. {@code pid 1234 on host ana-laptop, backup since 2026-11-29T13:05:00+01:00}. */
    String describe() {
        return "pid " + pid + " on host " + host + ", " + operation + " since " + since;
    }
}
