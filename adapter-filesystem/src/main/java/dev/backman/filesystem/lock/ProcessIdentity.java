package dev.backman.filesystem.lock;

import java.time.Instant;

/**
 * Who this process is: pid and host for people, plus the process's start time so that a later process that
 * reuses the pid (common in containers) is not mistaken for it.
 */
record ProcessIdentity(long pid, String host, long startMillis) {

    static ProcessIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessIdentity(self.pid(), HostName.local(), startMillis(self));
    }

    /** Whether a process with this pid runs on this host (without checking that it is the same one). */
    static boolean pidIsAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
