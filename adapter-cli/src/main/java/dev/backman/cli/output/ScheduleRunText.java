package dev.backman.cli.output;

import dev.backman.application.ScheduledRun;
import dev.backman.domain.model.BackupMetadata;
import dev.backman.domain.model.BackupType;
import java.time.ZonedDateTime;

/** One line per scheduled run for people: what was made (or why not), and when the schedule runs next. */
public final class ScheduleRunText {
    private ScheduleRunText() {
    }

    public static String line(ScheduledRun run) {
        String when = local(run.startedAt()) + " ";
        String next = run.retrying() ? "; retry at " + local(run.nextRun()) : "; next run " + local(run.nextRun());
        String attempt = run.attempt() > 1 ? " (retry " + (run.attempt() - 1) + ")" : "";
        if (!run.completed()) {
            return when + "backup failed" + attempt + " after " + TimeText.duration(seconds(run)) + ": "
                    + run.failure() + next;
        }
        BackupMetadata b = run.backup();
        int unreadable = SkipReasons.unreadable(b.skippedFiles()).size();
        return when + "backup " + b.backupId() + " " + b.status().wireName() + attempt + ": "
                + (b.backupType() == BackupType.FULL ? "full" : "incremental") + ", " + b.totalFiles()
                + (b.totalFiles() == 1 ? " file (" : " files (")
                + HumanBytes.format(b.totalSizeBytes()) + "), " + b.storedFiles() + " stored in "
                + HumanBytes.format(b.archiveSizeBytes()) + ", " + TimeText.duration(seconds(run))
                + (unreadable == 0 ? "" : ", " + unreadable + " file(s) could not be read (see `backman status "
                        + b.backupId() + "`)")
                + next;
    }

    private static String local(ZonedDateTime time) {
        return TimeText.local(time.toOffsetDateTime());
    }

    private static double seconds(ScheduledRun run) {
        return run.duration().toMillis() / 1000.0;
    }
}
