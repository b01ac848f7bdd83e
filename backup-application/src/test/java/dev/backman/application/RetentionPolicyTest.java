package dev.backman.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.RetentionRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final RetentionRules NO_RULES = RetentionRules.none();

    @Test
    void keepsOnlyBackupsYoungerThanRetentionDays() {
        List<PruneDecision> decisions = days(30, NO_RULES).decide(List.of(
                backup("old", 45, BackupStatus.COMPLETED),
                backup("recent", 10, BackupStatus.COMPLETED),
                backup("newest", 1, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions).extracting(PruneDecision::backupId, PruneDecision::keep)
                .containsExactly(tuple("old", false), tuple("recent", true), tuple("newest", true));
        assertThat(decisions.get(0).reason())
                .isEqualTo("no rule keeps it: older than retention_days (30): 45 days old");
        assertThat(decisions.get(1).reasons()).containsExactly("younger than retention_days (30)");
    }

    @Test
    void neverRemovesTheNewestCompletedBackupEvenWhenExpired() {
        List<PruneDecision> decisions = days(7, NO_RULES).decide(List.of(
                backup("a", 100, BackupStatus.COMPLETED),
                backup("b", 90, BackupStatus.COMPLETED),
                backup("failed-later", 80, BackupStatus.FAILED)), NOW);
        assertThat(decisions).filteredOn(PruneDecision::keep).extracting(PruneDecision::backupId)
                .containsExactly("b");
        assertThat(decisions.get(1).reason()).isEqualTo("newest completed backup");
    }

    @Test
    void noRuleAtAllKeepsEverythingForever() {
        List<PruneDecision> decisions = days(0, NO_RULES).decide(List.of(
                backup("a", 1000, BackupStatus.COMPLETED), backup("f", 900, BackupStatus.FAILED),
                backup("b", 5, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions).allMatch(PruneDecision::keep);
        assertThat(decisions.get(0).reason()).contains("keep forever");
    }

    @Test
    void backupsInProgressAreKept() {
        List<PruneDecision> decisions = new RetentionPolicy(1, new RetentionRules(1, 0, 0, 0, 0, 0), UTC).decide(
                List.of(backup("running", 10, BackupStatus.IN_PROGRESS), backup("pending", 9, BackupStatus.PENDING),
                        backup("new", 0, BackupStatus.COMPLETED)), NOW);
        assertThat(decisions).allMatch(PruneDecision::keep);
        assertThat(decisions.get(0).reasons()).containsExactly("still being written");
    }

    @Test
    void keepLastKeepsTheNNewestCompletedBackups() {
        RetentionRules rules = RetentionRules.none().withKeepLast(2);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("a", "2026-11-01T10:00:00Z"), at("b", "2026-11-02T10:00:00Z"),
                at("c", "2026-11-02T11:00:00Z"), at("d", "2026-11-03T10:00:00Z")), NOW);
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(byId.get("d").reasons()).containsExactly("last 2", "newest completed backup");
        assertThat(byId.get("c").reasons()).containsExactly("last 2");
        assertThat(byId.get("b").keep()).isFalse();
        assertThat(byId.get("b").reason()).isEqualTo("no rule keeps it: beyond keep_last 2");
        assertThat(byId.get("a").keep()).isFalse();
    }

    @Test
    void keepDailyKeepsTheNewestBackupOfEachOfTheLastDaysThatHaveBackups() {
        RetentionRules rules = RetentionRules.none().withKeepDaily(3);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("d20-a", "2026-11-20T08:00:00Z"),
                at("d24-a", "2026-11-24T08:00:00Z"), at("d24-b", "2026-11-24T20:00:00Z"),
                // no backup on the 25th and 26th: keep_daily counts days that have backups
                at("d27-a", "2026-11-27T08:00:00Z"), at("d27-b", "2026-11-27T13:00:00Z"),
                at("d27-c", "2026-11-27T19:00:00Z"),
                at("d28-a", "2026-11-28T09:00:00Z"), at("d28-b", "2026-11-28T23:59:59Z")), NOW);
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(decisions).filteredOn(PruneDecision::keep).extracting(PruneDecision::backupId)
                .containsExactly("d24-b", "d27-c", "d28-b");
        assertThat(byId.get("d28-b").reasons()).containsExactly("daily 2026-11-28", "newest completed backup");
        assertThat(byId.get("d27-c").reasons()).containsExactly("daily 2026-11-27");
        assertThat(byId.get("d24-b").reasons()).containsExactly("daily 2026-11-24");
        assertThat(byId.get("d27-a").reason())
                .isEqualTo("no rule keeps it: a newer backup is the daily 2026-11-27");
        assertThat(byId.get("d24-a").reason())
                .isEqualTo("no rule keeps it: a newer backup is the daily 2026-11-24");
        assertThat(byId.get("d20-a").reason()).isEqualTo("no rule keeps it: beyond keep_daily 3");
    }

    @Test
    void keepWeeklyUsesIsoWeeksWhoseYearCanDifferFromTheCalendarYear() {
        RetentionRules rules = RetentionRules.none().withKeepWeekly(2);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("sun-w52", "2026-12-27T10:00:00Z"),   // Sunday of 2026-W52
                at("mon-w53", "2026-12-28T10:00:00Z"),   // Monday of 2026-W53
                at("fri-w53", "2027-01-01T10:00:00Z"),   // New Year's Day 2027: still 2026-W53
                at("sun-w53", "2027-01-03T10:00:00Z"),   // last day of 2026-W53
                at("mon-w01", "2027-01-04T10:00:00Z")),  // 2027-W01
                Instant.parse("2027-01-05T00:00:00Z"));
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(decisions).filteredOn(PruneDecision::keep).extracting(PruneDecision::backupId)
                .containsExactly("sun-w53", "mon-w01");
        assertThat(byId.get("mon-w01").reasons()).startsWith("weekly 2027-W01");
        assertThat(byId.get("sun-w53").reasons()).containsExactly("weekly 2026-W53");
        assertThat(byId.get("fri-w53").reason()).isEqualTo("no rule keeps it: a newer backup is the weekly 2026-W53");
        assertThat(byId.get("mon-w53").reason()).isEqualTo("no rule keeps it: a newer backup is the weekly 2026-W53");
        assertThat(byId.get("sun-w52").reason()).isEqualTo("no rule keeps it: beyond keep_weekly 2");
    }

    @Test
    void keepMonthlyAndKeepYearlyKeepTheNewestOfEachPeriod() {
        RetentionRules rules = RetentionRules.none().withKeepMonthly(2).withKeepYearly(3);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("2023-dec", "2023-12-31T10:00:00Z"),
                at("2024-jun", "2024-06-15T10:00:00Z"), at("2024-dec", "2024-12-01T10:00:00Z"),
                at("2025-mar", "2025-03-01T10:00:00Z"),
                at("2026-oct", "2026-10-30T10:00:00Z"), at("2026-nov-1", "2026-11-01T10:00:00Z"),
                at("2026-nov-2", "2026-11-20T10:00:00Z")), NOW);
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(byId.get("2026-nov-2").reasons())
                .containsExactly("monthly 2026-11", "yearly 2026", "newest completed backup");
        assertThat(byId.get("2026-oct").reasons()).containsExactly("monthly 2026-10");
        assertThat(byId.get("2025-mar").reasons()).containsExactly("yearly 2025");
        assertThat(byId.get("2024-dec").reasons()).containsExactly("yearly 2024");
        assertThat(byId.get("2026-nov-1").reason()).isEqualTo(
                "no rule keeps it: a newer backup is the monthly 2026-11; a newer backup is the yearly 2026");
        assertThat(byId.get("2024-jun").keep()).isFalse();
        assertThat(byId.get("2023-dec").reason())
                .isEqualTo("no rule keeps it: beyond keep_monthly 2; beyond keep_yearly 3");
    }

    @Test
    void keepHourlyKeepsTheNewestOfEachHour() {
        RetentionRules rules = RetentionRules.none().withKeepHourly(2);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("h09", "2026-11-29T09:10:00Z"), at("h10-a", "2026-11-29T10:05:00Z"),
                at("h10-b", "2026-11-29T10:55:00Z"), at("h11", "2026-11-29T11:00:00Z")), NOW);
        assertThat(decisions).filteredOn(PruneDecision::keep).extracting(PruneDecision::backupId)
                .containsExactly("h10-b", "h11");
        assertThat(byId(decisions).get("h10-b").reasons()).containsExactly("hourly 2026-11-29 10:00");
    }

    @Test
    void periodsAreTakenInTheLocalTimeZone() {
        RetentionRules daily = RetentionRules.none().withKeepDaily(5);
        List<BackupMetadata> backups = List.of(
                at("late-evening", "2026-11-28T22:30:00Z"),  // 23:30 on the 28th in Berlin
                at("after-midnight", "2026-11-28T23:30:00Z")); // 00:30 on the 29th in Berlin

        List<PruneDecision> berlin = new RetentionPolicy(0, daily, ZoneId.of("Europe/Berlin")).decide(backups, NOW);
        List<PruneDecision> utc = new RetentionPolicy(0, daily, UTC).decide(backups, NOW);

        assertThat(berlin).allMatch(PruneDecision::keep);
        assertThat(berlin.get(0).reasons()).containsExactly("daily 2026-11-28");
        assertThat(berlin.get(1).reasons()).startsWith("daily 2026-11-29");
        assertThat(utc).extracting(PruneDecision::keep).containsExactly(false, true);
    }

    @Test
    void aBackupKeptByRulesAndRetentionDaysNamesEveryOne() {
        RetentionRules rules = RetentionRules.none().withKeepLast(1).withKeepDaily(2).withKeepWeekly(1);
        List<PruneDecision> decisions = days(7, rules).decide(List.of(
                at("old", "2026-11-10T10:00:00Z"),       // 19 days old, another week
                at("yesterday", "2026-11-28T10:00:00Z"),
                at("today-early", "2026-11-29T08:00:00Z"),
                at("today", "2026-11-29T11:00:00Z")), NOW);
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(byId.get("today").reasons()).containsExactly("last 1", "daily 2026-11-29", "weekly 2026-W48",
                "younger than retention_days (7)", "newest completed backup");
        assertThat(byId.get("today").reason()).isEqualTo(
                "last 1, daily 2026-11-29, weekly 2026-W48, younger than retention_days (7), newest completed backup");
        assertThat(byId.get("yesterday").reasons())
                .containsExactly("daily 2026-11-28", "younger than retention_days (7)");
        assertThat(byId.get("today-early").reasons()).containsExactly("younger than retention_days (7)");
        assertThat(byId.get("old").keep()).isFalse();
        assertThat(byId.get("old").reason()).isEqualTo("no rule keeps it: older than retention_days (7): 19 days old; "
                + "beyond keep_last 1; beyond keep_daily 2; beyond keep_weekly 1");
    }

    @Test
    void failedAndCorruptedBackupsAreNotCountedByKeepRules() {
        RetentionRules rules = RetentionRules.none().withKeepLast(2);
        List<PruneDecision> decisions = days(0, rules).decide(List.of(
                at("good-old", "2026-11-25T10:00:00Z"),
                withStatus(at("failed", "2026-11-26T10:00:00Z"), BackupStatus.FAILED),
                withStatus(at("damaged", "2026-11-27T10:00:00Z"), BackupStatus.CORRUPTED),
                at("good-new", "2026-11-28T10:00:00Z")), NOW);
        Map<String, PruneDecision> byId = byId(decisions);
        assertThat(byId.get("good-old").reasons()).containsExactly("last 2");
        assertThat(byId.get("failed").reason())
                .isEqualTo("no rule keeps it: failed backups are not counted by keep_* rules");
        assertThat(byId.get("damaged").reason())
                .isEqualTo("no rule keeps it: corrupted backups are not counted by keep_* rules");
    }

    @Test
    void theNewestCompletedBackupStaysWhateverTheRules() {
        RetentionRules rules = RetentionRules.none().withKeepYearly(1);
        List<PruneDecision> decisions = days(1, rules).decide(List.of(
                at("completed", "2026-06-01T10:00:00Z"),
                withStatus(at("failed-after", "2026-11-01T10:00:00Z"), BackupStatus.FAILED)), NOW);
        assertThat(decisions.get(0).reasons()).containsExactly("yearly 2026", "newest completed backup");
        assertThat(decisions.get(1).keep()).isFalse();
    }

    @Test
    void expiredBackupsThatAKeptBackupNeedsStayAndSayWhichOne() {
        BackupMetadata full = backup("full", 40, BackupStatus.COMPLETED);
        BackupMetadata inc1 = backup("inc1", 35, BackupStatus.COMPLETED).withChain(BackupType.INCREMENTAL, "full");
        BackupMetadata inc2 = backup("inc2", 5, BackupStatus.COMPLETED).withChain(BackupType.INCREMENTAL, "inc1");
        BackupMetadata oldChain = backup("old-full", 60, BackupStatus.COMPLETED);
        List<PruneDecision> decisions = days(30, NO_RULES).decide(List.of(oldChain, full, inc1, inc2), NOW);
        assertThat(decisions).extracting(PruneDecision::backupId).containsExactly("old-full", "full", "inc1", "inc2");
        assertThat(decisions).extracting(PruneDecision::keep).containsExactly(false, true, true, true);
        assertThat(decisions.get(1).reason()).isEqualTo("needed by inc2 (same chain)");
        assertThat(decisions.get(2).reason()).isEqualTo("needed by inc2 (same chain)");
    }

    @Test
    void chainsOfBackupsKeptByRulesStayNamingTheNearestKeptDescendant() {
        BackupMetadata full = at("full", "2026-11-20T10:00:00Z");
        BackupMetadata inc1 = at("inc1", "2026-11-21T10:00:00Z").withChain(BackupType.INCREMENTAL, "full");
        BackupMetadata inc2 = at("inc2", "2026-11-22T10:00:00Z").withChain(BackupType.INCREMENTAL, "inc1");
        BackupMetadata inc3 = at("inc3", "2026-11-23T10:00:00Z").withChain(BackupType.INCREMENTAL, "inc2");
        BackupMetadata other = at("other-full", "2026-11-10T10:00:00Z");
        RetentionRules rules = RetentionRules.none().withKeepLast(1).withKeepWeekly(2);
        Map<String, PruneDecision> byId = byId(days(0, rules).decide(List.of(other, full, inc1, inc2, inc3), NOW));

        assertThat(byId.get("inc3").reasons()).containsExactly("last 1", "weekly 2026-W48", "newest completed backup");
        assertThat(byId.get("inc2").reasons()).containsExactly("weekly 2026-W47");
        assertThat(byId.get("inc1").reasons()).containsExactly("needed by inc2 (same chain)");
        assertThat(byId.get("full").reasons()).containsExactly("needed by inc2 (same chain)");
        assertThat(byId.get("other-full").keep()).isFalse();
    }

    private static RetentionPolicy days(int retentionDays, RetentionRules rules) {
        return new RetentionPolicy(retentionDays, rules, UTC);
    }

    private static Map<String, PruneDecision> byId(List<PruneDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(PruneDecision::backupId, Function.identity()));
    }

    static BackupMetadata backup(String id, int daysAgo, BackupStatus status) {
        return BackupMetadata.pending(id, OffsetDateTime.ofInstant(NOW.minusSeconds(daysAgo * 86400L),
                ZoneOffset.UTC), List.of("/src"), CompressionType.ZIP).withStatus(status);
    }

    private static BackupMetadata at(String id, String instant) {
        return BackupMetadata.pending(id, OffsetDateTime.parse(instant), List.of("/src"), CompressionType.ZIP)
                .withStatus(BackupStatus.COMPLETED);
    }

    private static BackupMetadata withStatus(BackupMetadata backup, BackupStatus status) {
        return backup.withStatus(status);
    }
}
