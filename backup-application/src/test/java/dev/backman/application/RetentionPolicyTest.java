package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.CompressionType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void keepsOnlyBackupsYoungerThanRetentionDays() {
        List<PruneDecision> decisions = new RetentionPolicy(30).decide(List.of(
                backup("old", 45, BackupStatus.COMPLETED),
                backup("recent", 10, BackupStatus.COMPLETED),
                backup("newest", 1, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions).extracting(PruneDecision::backupId, PruneDecision::keep)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("old", false),
                        org.assertj.core.groups.Tuple.tuple("recent", true),
                        org.assertj.core.groups.Tuple.tuple("newest", true));
        assertThat(decisions.get(0).reason()).contains("older than retention_days (30)");
    }

    @Test
    void neverRemovesTheNewestCompletedBackupEvenWhenExpired() {
        List<PruneDecision> decisions = new RetentionPolicy(7).decide(List.of(
                backup("a", 100, BackupStatus.COMPLETED),
                backup("b", 90, BackupStatus.COMPLETED),
                backup("failed-later", 80, BackupStatus.FAILED)), NOW);
        assertThat(decisions).filteredOn(PruneDecision::keep).extracting(PruneDecision::backupId)
                .containsExactly("b");
        assertThat(decisions.get(1).reason()).isEqualTo("newest completed backup");
    }

    @Test
    void zeroDaysKeepsEverything() {
        List<PruneDecision> decisions = new RetentionPolicy(0).decide(List.of(
                backup("a", 1000, BackupStatus.COMPLETED), backup("b", 5, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions).allMatch(PruneDecision::keep);
    }

    @Test
    void backupsInProgressAreKept() {
        List<PruneDecision> decisions = new RetentionPolicy(1).decide(List.of(
                backup("running", 10, BackupStatus.IN_PROGRESS), backup("new", 0, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions.get(0).keep()).isTrue();
    }

    @Test
    void expiredBackupsThatAKeptBackupNeedsStayAndSayWhichOne() {
        BackupMetadata full = backup("full", 40, BackupStatus.COMPLETED);
        BackupMetadata inc1 = backup("inc1", 35, BackupStatus.COMPLETED)
                .withChain(dev.backman.domain.model.BackupType.INCREMENTAL, "full");
        BackupMetadata inc2 = backup("inc2", 5, BackupStatus.COMPLETED)
                .withChain(dev.backman.domain.model.BackupType.INCREMENTAL, "inc1");
        BackupMetadata oldChain = backup("old-full", 60, BackupStatus.COMPLETED);
        List<PruneDecision> decisions = new RetentionPolicy(30).decide(List.of(oldChain, full, inc1, inc2), NOW);
        assertThat(decisions).extracting(PruneDecision::backupId).containsExactly("old-full", "full", "inc1", "inc2");
        assertThat(decisions).extracting(PruneDecision::keep).containsExactly(false, true, true, true);
        assertThat(decisions.get(1).reason()).isEqualTo("needed by inc2 (same chain)");
        assertThat(decisions.get(2).reason()).isEqualTo("needed by inc2 (same chain)");
    }

    static BackupMetadata backup(String id, int daysAgo, BackupStatus status) {
        return BackupMetadata.pending(id, OffsetDateTime.ofInstant(NOW.minusSeconds(daysAgo * 86400L),
                ZoneOffset.UTC), List.of("/src"), CompressionType.ZIP).withStatus(status);
    }
}
