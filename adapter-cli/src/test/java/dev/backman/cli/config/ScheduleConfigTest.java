package dev.backman.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code schedule:} and {@code retry:} keys of {@code backman.yaml}. */
class ScheduleConfigTest {
    @TempDir
    Path dir;

    @Test
    void aTimeOfDayIsADailySchedule() throws IOException {
        assertThat(read("schedule: \"02:00\"\n").schedule()).isEqualTo(new Schedule.DailyAt(LocalTime.of(2, 0)));
        assertThat(read("schedule: {at: \"23:30\"}\n").schedule())
                .isEqualTo(new Schedule.DailyAt(LocalTime.of(23, 30)));
    }

    @Test
    void cronAndIntervalForms() throws IOException {
        assertThat(read("schedule: {cron: \"0 2 * * 1-5\"}\n").schedule())
                .isEqualTo(new Schedule.Cron("0 2 * * 1-5"));
        assertThat(read("schedule: {every: 6h}\n").schedule())
                .isEqualTo(new Schedule.Every(Duration.ofHours(6)));
        assertThat(read("schedule: {every: 1h30m}\n").schedule())
                .isEqualTo(new Schedule.Every(Duration.ofMinutes(90)));
        assertThat(read("schedule: {every: 45}\n").schedule())
                .isEqualTo(new Schedule.Every(Duration.ofSeconds(45)));
    }

    @Test
    void withoutTheKeysThereIsNoScheduleAndTheDefaultRetries() throws IOException {
        ScheduleOptions options = read("retention_days: 3\n");

        assertThat(options.configured()).isEmpty();
        assertThat(options.retry()).isEqualTo(new RetryPolicy(2, Duration.ofMinutes(5)));
    }

    @Test
    void retryTimesAndWait() throws IOException {
        assertThat(read("retry: {times: 5, after: 30s}\n").retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(30)));
        assertThat(read("retry: {times: 0}\n").retry()).isEqualTo(new RetryPolicy(0, Duration.ofMinutes(5)));
        assertThat(read("retry: {after: 1m}\n").retry()).isEqualTo(new RetryPolicy(2, Duration.ofMinutes(1)));
    }

    @Test
    void invalidSchedulesNameTheirKey() {
        assertRejected("schedule: \"25:00\"\n", "schedule", "HH:MM");
        assertRejected("schedule: {at: \"7pm\"}\n", "schedule.at", "HH:MM");
        assertRejected("schedule: {cron: \"bad\"}\n", "schedule.cron", "not a Unix cron expression");
        assertRejected("schedule: {cron: \"0 0 30 2 *\"}\n", "schedule.cron", "never matches");
        assertRejected("schedule: {every: 0s}\n", "schedule.every", "at least 1s");
        assertRejected("schedule: {every: abc}\n", "schedule.every", "not a duration");
        assertRejected("schedule: {cron: \"0 2 * * *\", every: 6h}\n", "schedule", "exactly one");
        assertRejected("schedule: {daily: \"02:00\"}\n", "schedule.daily", "unknown key");
        assertRejected("schedule: [\"02:00\"]\n", "schedule", "{every: 6h}");
    }

    @Test
    void anUnquotedTimeOfDayIsATimeToo() throws IOException {
        assertThat(read("schedule: 02:00\n").schedule()).isEqualTo(new Schedule.DailyAt(LocalTime.of(2, 0)));
    }

    @Test
    void aNumberIsNotASchedule() {
        assertRejected("schedule: 2\n", "schedule", "\"HH:MM\"");
    }

    @Test
    void invalidRetriesNameTheirKey() {
        assertRejected("retry: {times: -1}\n", "retry.times", "0 or more");
        assertRejected("retry: {times: two}\n", "retry.times", "whole number");
        assertRejected("retry: {after: soon}\n", "retry.after", "not a duration");
        assertRejected("retry: {tries: 3}\n", "retry.tries", "unknown key");
        assertRejected("retry: 3\n", "retry", "mapping");
    }

    private void assertRejected(String yaml, String key, String problem) {
        assertThatThrownBy(() -> read(yaml)).as(yaml).isInstanceOfSatisfying(InvalidConfiguration.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.problem()).contains(problem);
        });
    }

    private ScheduleOptions read(String yaml) throws IOException {
        Path file = dir.resolve("backman.yaml");
        Files.writeString(file, yaml);
        return new ConfigFileReader().readFile(file).schedule();
    }
}
