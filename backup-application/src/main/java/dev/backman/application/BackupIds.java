package dev.backman.application;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.BackupId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/** Chooses the id of a new backup: the requested one, or {@code backup_YYYYMMDD_HHMMSS} (UTC) with {@code _2} … */
final class BackupIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'backup_'yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private BackupIds() {
    }

    static String choose(String requested, Clock clock, Predicate<String> taken) {
        if (requested != null) {
            String id = new BackupId(requested).value();
            if (taken.test(id)) {
                throw new InvalidConfiguration("id", "a backup with id '" + id + "' already exists");
            }
            return id;
        }
        String base = STAMP.format(clock.instant());
        String id = base;
        for (int n = 2; taken.test(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }
}
