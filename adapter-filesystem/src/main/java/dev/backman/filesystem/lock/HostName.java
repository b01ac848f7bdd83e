package dev.backman.filesystem.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, for lock records (local and object-store ones). The kernel and the environment come first: resolving the local host
 * through DNS can take seconds on a badly configured network.
 */
public final class HostName {
    private HostName() {
    }

    /**
     * The name of the machine this process runs on; never null.
     *
     * @return the host name
     */
    public static String local() {
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
