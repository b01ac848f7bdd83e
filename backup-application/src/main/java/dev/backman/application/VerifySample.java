package dev.backman.application;

import dev.backman.domain.model.BackupMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the backups a sampled verify reads: {@code percent} of the candidates, rounded up (so at least one), those
 * whose archive was read longest ago first and those never read before all others. Ties are broken at random. Since
 * each run moves the backups it reads to the back, repeated runs read every backup in turn: about
 * {@code 100 / percent} runs cover all of them.
 */
final class VerifySample {
    private final Random random;

    VerifySample(Random random) {
        this.random = random;
    }

    /**
     * @param lastRead when a backup's archive was last read entirely (full or sample verify), empty if never
     * @return the chosen backups, in the order of {@code candidates}
     */
    List<BackupMetadata> choose(List<BackupMetadata> candidates, Function<String, Optional<Instant>> lastRead,
                                double percent) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int count = (int) Math.min(candidates.size(), Math.max(1, Math.ceil(candidates.size() * percent / 100.0)));
        List<Ranked> ranked = new ArrayList<>();
        for (BackupMetadata backup : candidates) {
            ranked.add(new Ranked(backup, lastRead.apply(backup.backupId()).orElse(Instant.MIN)));
        }
        Collections.shuffle(ranked, random); // the sort is stable: equal times stay in random order
        ranked.sort(Comparator.comparing(Ranked::lastRead));
        Set<String> chosen = new HashSet<>();
        ranked.subList(0, count).forEach(r -> chosen.add(r.backup().backupId()));
        return candidates.stream().filter(b -> chosen.contains(b.backupId())).toList();
    }

    private record Ranked(BackupMetadata backup, Instant lastRead) {
    }
}
