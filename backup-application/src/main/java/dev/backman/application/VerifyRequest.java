package dev.backman.application;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.VerifyMode;
import java.util.List;
import java.util.Objects;

/**
 * Which backups to verify, and how.
 *
 * @param backupIds     the backups; empty for every completed or corrupted backup
 * @param mode          full (read every archive), quick (presence and size only) or sample (full, on a part)
 * @param samplePercent for {@code sample}: the share of those backups to read, more than 0 and at most 100
 */
public record VerifyRequest(List<String> backupIds, VerifyMode mode, double samplePercent) {
    /**
     * Checks the components.
     *
     * @param backupIds the backups; empty for every completed or corrupted backup
     * @param mode full (read every archive), quick (presence and size only) or sample (full, on a part)
     * @param samplePercent for {@code sample}: the share of those backups to read, more than 0 and at most 100
     */
    public VerifyRequest {
        backupIds = List.copyOf(Objects.requireNonNullElse(backupIds, List.of()));
        Objects.requireNonNull(mode, "mode");
        if (mode == VerifyMode.SAMPLE && !(samplePercent > 0 && samplePercent <= 100)) {
            throw new InvalidConfiguration("--sample", "the percentage must be more than 0 and at most 100, not "
                    + samplePercent);
        }
    }

    /**
     * Reads every archive of the given backups (all when empty).
     *
     * @param backupIds the backups; empty for every completed or corrupted backup
     * @return the request
     */
    public static VerifyRequest full(List<String> backupIds) {
        return new VerifyRequest(backupIds, VerifyMode.FULL, 0);
    }

    /**
     * Checks only that manifest and archive are there and the archive has its recorded size.
     *
     * @param backupIds the backups; empty for every completed or corrupted backup
     * @return the request
     */
    public static VerifyRequest quick(List<String> backupIds) {
        return new VerifyRequest(backupIds, VerifyMode.QUICK, 0);
    }

    /**
     * Reads {@code percent} of the backups (at least one), those read longest ago first.
     *
     * @param backupIds the backups to sample from; empty for every completed or corrupted backup
     * @param percent   the share to read, more than 0 and at most 100
     * @return the request
     */
    public static VerifyRequest sample(List<String> backupIds, double percent) {
        return new VerifyRequest(backupIds, VerifyMode.SAMPLE, percent);
    }
}
