package dev.backman.cli.output;

import dev.backman.domain.model.Verification;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@code status} tells about a backup's verifications: the latest one of any mode, and when its archive was
 * last read entirely (full or sample verify; a quick verify reads no contents).
 *
 * @param latest       the newest verification, or null if the backup was never verified
 * @param lastFullRead when a full or sampled verify last read the archive, or null
 */
public record LastVerification(Verification latest, OffsetDateTime lastFullRead) {

    public static LastVerification of(List<Verification> verifications) {
        Comparator<Verification> byTime = Comparator.comparing(v -> v.verifiedAt().toInstant());
        Verification latest = verifications.stream().max(byTime).orElse(null);
        Optional<Verification> read = verifications.stream().filter(v -> v.mode().readsContents()).max(byTime);
        return new LastVerification(latest, read.map(Verification::verifiedAt).orElse(null));
    }
}
