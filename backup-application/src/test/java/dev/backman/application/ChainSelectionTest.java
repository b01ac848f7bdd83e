package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainSelectionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<String> SOURCES = List.of("/home/me/src");
    private final ChainSelection selection = new ChainSelection(7);

    @Test
    void firstBackupIsFullWithNothingToExplain() {
        Chain chain = choose(List.of(), false);
        assertThat(chain.type()).isEqualTo(BackupType.FULL);
        assertThat(chain.reason()).isNull();
    }

    @Test
    void nextBackupBuildsOnTheLatestOfTheSameSources() {
        BackupMetadata full = full("f", 2);
        BackupMetadata inc = incremental("i", 1, "f");
        BackupMetadata other = full("other", 0).withStatus(BackupStatus.COMPLETED);
        BackupMetadata otherSources = new BackupMetadata("x", other.timestamp(), List.of("/elsewhere"), 0, 0, null,
                CompressionType.TAR_ZST, BackupStatus.COMPLETED, 0, null, BackupType.FULL, null, 0, 0, List.of(),
                false, List.of());
        Chain chain = choose(List.of(full, inc, otherSources), false);
        assertThat(chain.type()).isEqualTo(BackupType.INCREMENTAL);
        assertThat(chain.parentId()).isEqualTo("i");
        assertThat(chain.members()).extracting(BackupMetadata::backupId).containsExactly("f", "i");
    }

    @Test
    void fullWhenAsked() {
        assertThat(choose(List.of(full("f", 1)), true).type()).isEqualTo(BackupType.FULL);
    }

    @Test
    void fullWhenTheChainsFullBackupIsOld() {
        Chain chain = choose(List.of(full("f", 7), incremental("i", 1, "f")), false);
        assertThat(chain.type()).isEqualTo(BackupType.FULL);
        assertThat(chain.reason()).contains("full_every_days");
    }

    @Test
    void fullWhenTheFormatChanged() {
        Chain chain = selection.choose(List.of(full("f", 1)), SOURCES, CompressionType.ZIP, false, NOW, b -> true);
        assertThat(chain.type()).isEqualTo(BackupType.FULL);
        assertThat(chain.reason()).contains("format");
    }

    @Test
    void fullWhenABackupOfTheChainIsDamaged() {
        Chain chain = choose(List.of(full("f", 2).withStatus(BackupStatus.CORRUPTED), incremental("i", 1, "f")),
                false);
        assertThat(chain.type()).isEqualTo(BackupType.FULL);
        assertThat(chain.reason()).contains("damaged");
        Chain latestDamaged = choose(List.of(full("f", 2), incremental("i", 1, "f")
                .withStatus(BackupStatus.CORRUPTED)), false);
        assertThat(latestDamaged.type()).isEqualTo(BackupType.FULL);
    }

    @Test
    void fullWhenAnArchiveOfTheChainIsMissing() {
        Chain chain = selection.choose(List.of(full("f", 2), incremental("i", 1, "f")), SOURCES,
                CompressionType.TAR_ZST, false, NOW, b -> !b.backupId().equals("f"));
        assertThat(chain.type()).isEqualTo(BackupType.FULL);
        assertThat(chain.reason()).contains("missing");
    }

    @Test
    void failedBackupsAreIgnored() {
        Chain chain = choose(List.of(full("f", 2), incremental("failed", 1, "f").withStatus(BackupStatus.FAILED)),
                false);
        assertThat(chain.parentId()).isEqualTo("f");
    }

    private Chain choose(List<BackupMetadata> backups, boolean full) {
        return selection.choose(backups, SOURCES, CompressionType.TAR_ZST, full, NOW, b -> true);
    }

    static BackupMetadata full(String id, int daysAgo) {
        return BackupMetadata.pending(id, OffsetDateTime.ofInstant(NOW.minusSeconds(daysAgo * 86400L),
                ZoneOffset.UTC), SOURCES, CompressionType.TAR_ZST).withStatus(BackupStatus.COMPLETED);
    }

    static BackupMetadata incremental(String id, int daysAgo, String parent) {
        return full(id, daysAgo).withChain(BackupType.INCREMENTAL, parent);
    }
}
