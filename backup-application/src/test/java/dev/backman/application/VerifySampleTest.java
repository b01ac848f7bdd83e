package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerifySampleTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final VerifySample sample = new VerifySample(new Random(42));
    private final Map<String, Instant> lastRead = new HashMap<>();

    @Test
    void aSampleIsThePercentageRoundedUpAndNeverLessThanOne() {
        List<BackupMetadata> ten = backups(10);

        assertThat(choose(ten, 25)).hasSize(3);
        assertThat(choose(ten, 0.1)).hasSize(1);
        assertThat(choose(ten, 100)).hasSize(10);
        assertThat(choose(List.of(), 50)).isEmpty();
    }

    @Test
    void backupsNeverReadComeFirstThenThoseReadLongestAgo() {
        List<BackupMetadata> five = backups(5);
        lastRead.put("b0", T0.plusSeconds(30));
        lastRead.put("b1", T0.plusSeconds(10));
        lastRead.put("b2", T0.plusSeconds(20));
        lastRead.put("b4", T0.plusSeconds(40));

        assertThat(choose(five, 20)).extracting(BackupMetadata::backupId).containsExactly("b3");
        assertThat(choose(five, 60)).extracting(BackupMetadata::backupId).containsExactly("b1", "b2", "b3");
    }

    @Test
    void repeatedRunsReadEveryBackupInTurn() {
        List<BackupMetadata> twenty = backups(20);
        Set<String> read = new HashSet<>();
        for (int run = 0; run < 4; run++) {
            for (BackupMetadata b : choose(twenty, 25)) {
                assertThat(read.add(b.backupId())).as("read again before all were read: " + b.backupId()).isTrue();
                lastRead.put(b.backupId(), T0.plusSeconds(run));
            }
        }
        assertThat(read).hasSize(20);
    }

    @Test
    void backupsThatTieAreChosenAtRandom() {
        List<BackupMetadata> twenty = backups(20);
        Set<List<String>> picks = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            picks.add(choose(twenty, 10).stream().map(BackupMetadata::backupId).toList());
        }
        assertThat(picks).hasSizeGreaterThan(1);
    }

    @Test
    void aSamplePercentageOutsideZeroToHundredIsAUsageError() {
        assertThatThrownBy(() -> VerifyRequest.sample(List.of(), 0)).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("--sample");
        assertThatThrownBy(() -> VerifyRequest.sample(List.of(), 100.5)).isInstanceOf(InvalidConfiguration.class);
        assertThatThrownBy(() -> VerifyRequest.sample(List.of(), Double.NaN))
                .isInstanceOf(InvalidConfiguration.class);
        assertThat(VerifyRequest.sample(List.of(), 100).samplePercent()).isEqualTo(100);
    }

    private List<BackupMetadata> choose(List<BackupMetadata> candidates, double percent) {
        return sample.choose(candidates, id -> Optional.ofNullable(lastRead.get(id)), percent);
    }

    private static List<BackupMetadata> backups(int count) {
        List<BackupMetadata> all = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> all.add(BackupMetadata.pending("b" + i,
                OffsetDateTime.ofInstant(T0.plusSeconds(i), ZoneOffset.UTC), List.of("/src"), CompressionType.ZIP)
                .withStatus(BackupStatus.COMPLETED)));
        return all;
    }
}
