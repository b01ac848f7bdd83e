package dev.backman.cli.wiring;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * This machine's name; the kernel and the environment come first, because resolving the local host through
     * DNS can take seconds on a badly configured network.
     */
    static String localHost() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: try the next source
        }
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
