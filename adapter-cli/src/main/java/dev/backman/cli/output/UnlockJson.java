package dev.backman.cli.output;

import java.util.List;

/**
 * {@code unlock --force --json}: {@code {"removed":["pid 4242 on host ana-laptop, backup since …", …]}}.
 *
 * @param removed who the removed lock records named; empty when there were none
 */
public record UnlockJson(List<String> removed) {
    public UnlockJson {
        removed = List.copyOf(removed);
    }
}
