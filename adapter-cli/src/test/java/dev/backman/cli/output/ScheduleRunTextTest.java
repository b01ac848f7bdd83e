package dev.backman.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backman.application.ScheduledRun;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupStatus;
import dev.backman.domain.model.BackupType;
import dev.backman.domain.model.CompressionType;
import dev.backman.domain.model.SkippedFile;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleRunTextTest {
    private static final ZonedDateTime DUE = ZonedDateTime.parse("2026-06-01T02:00:00+02:00[Europe/Berlin]");

    @Test
    void aCompletedRunIsOneLineWithIdTypeFilesStoredBytesDurationAndNextRun() {
        String line = ScheduleRunText.line(new ScheduledRun(DUE, DUE, Duration.ofMillis(1500), 1,
                backup(List.of()), null, DUE.plusDays(1), false));

        assertThat(line).doesNotContain("\n").contains("backup b7 completed: incremental, 12 files (")
                .contains("3 stored in 2.0 KiB").contains("1.5 s").contains("; next run ");
    }

    @Test
    void unreadableFilesAreCountedOnTheSameLine() {
        String line = ScheduleRunText.line(new ScheduledRun(DUE, DUE, Duration.ofSeconds(1), 1,
                backup(List.of(new SkippedFile("/src/locked.db", "permission denied"))), null, DUE.plusDays(1),
                false));

        assertThat(line).contains("1 file(s) could not be read").contains("backman status b7");
    }

    @Test
    void aFailedRunSaysWhyAndWhenTheRetryComes() {
        String line = ScheduleRunText.line(new ScheduledRun(DUE, DUE.plusMinutes(5), Duration.ofSeconds(2), 2, null,
                "repository locked by backup (pid 42)", DUE.plusMinutes(10), true));

        assertThat(line).doesNotContain("\n").contains("backup failed (retry 1)")
                .contains("repository locked by backup (pid 42)").contains("; retry at ");
    }

    private static BackupMetadata backup(List<SkippedFile> skipped) {
        return BackupMetadata.pending("b7", OffsetDateTime.parse("2026-06-01T00:00:00Z"), List.of("/src"),
                        CompressionType.TAR_ZST)
                .withChain(BackupType.INCREMENTAL, "b6")
                .withContents(12, 4096, "abc", 2048, 3, skipped)
                .withStatus(BackupStatus.COMPLETED);
    }
}
