package dev.backman.cli.wiring;

/**
 * Who holds (or wants) a repository's lock in object storage: the content of a {@code locks/*.json} object.
 *
 * @param host      machine name
 * @param pid       process id on that machine
 * @param operation what it does (backup, prune …)
 * @param since     when it took the lock (ISO-8601)
 */
record LockRecord(String host, long pid, String operation, String since) {

    /**
     * Whether the record is stale: its process, on this machine, has ended, or it is this process's own (left by an
     * earlier release that failed: while this process holds the machine's lock, no other of its threads does).
     */
    boolean staleOn(String thisHost, long thisPid) {
        return host.equals(thisHost)
                && (pid == thisPid || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    String describe() {
        return "pid " + pid + " on " + host + " (" + operation + " since " + since + ")";
    }
}
