package dev.backman.cli.command;

import dev.backman.application.BackupManager;
import dev.backman.application.ScheduledBackups;
import dev.backman.application.ScheduledRun;
import dev.backman.cli.ExitCodes;
import dev.backman.cli.config.CronExpressions;
import dev.backman.cli.config.RunSettings;
import dev.backman.cli.config.RunSettingsResolver;
import dev.backman.cli.output.Output;
import dev.backman.cli.output.ScheduleRunJson;
import dev.backman.cli.output.ScheduleRunText;
import dev.backman.cli.output.TimeText;
import dev.backman.cli.wiring.ManagerOpener;
import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.error.MissingSourcePaths;
import dev.backman.domain.model.BackupConfig;
import dev.backman.domain.model.RetryPolicy;
import dev.backman.domain.model.Schedule;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backman schedule}: backs up the configured sources on a schedule, in the foreground, until SIGTERM or SIGINT.
 * Each run prints one line (with {@code --json}: one JSON object per line); a failed run is retried as {@code retry:}
 * says and never ends the schedule. A stop lets a running backup finish, then exits 0.
 */
@Command(name = "schedule",
        description = {"Back up the source paths on a schedule, in the foreground, until stopped (Ctrl-C or SIGTERM).",
                "Without an option, the configuration's schedule: is used. Failed runs are retried as retry: says "
                        + "(default: 2 retries, 5m apart)."})
final class ScheduleCommand implements Callable<Integer> {
    private final RunSettingsResolver settings;
    private final ManagerOpener opener;
    private final Output output;
    private final CronExpressions cronExpressions;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    When when;

    @Spec
    CommandSpec spec;

    /** The schedule options; at most one. */
    static final class When {
        @Option(names = "--at", paramLabel = "HH:MM", converter = ScheduleConverters.DailyAt.class,
                description = "Every day at this local time (24-hour), e.g. 02:00.")
        Schedule.DailyAt at;

        @Option(names = "--cron", paramLabel = "EXPR",
                description = "A Unix cron expression in local time: minute hour day-of-month month day-of-week, "
                        + "e.g. \"0 2 * * 1-5\".")
        String cron;

        @Option(names = "--every", paramLabel = "DURATION", converter = ScheduleConverters.Every.class,
                description = "Every interval (30s, 15m, 6h), from the start of one run to the start of the next; "
                        + "the first run one interval after the start.")
        Schedule.Every every;
    }

    @Inject
    ScheduleCommand(RunSettingsResolver settings, ManagerOpener opener, Output output,
                    CronExpressions cronExpressions) {
        this.settings = settings;
        this.opener = opener;
        this.output = output;
        this.cronExpressions = cronExpressions;
    }

    @Override
    public Integer call() throws InterruptedException {
        Schedule given = fromOptions();
        RunSettings run = settings.resolve(UnaryOperator.identity());
        Schedule schedule = given != null ? given : run.schedule().configured().orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "no schedule: give --at HH:MM, --cron EXPR or "
                        + "--every DURATION, or set schedule: in the configuration"));
        requireSources(run.config());
        RetryPolicy retry = run.schedule().retry();
        try (ShutdownStop shutdown = new ShutdownStop(output::message)) {
            try (BackupManager manager = opener.openChecked(run)) { // a wrong passphrase: no schedule
                ScheduledBackups handle = manager.scheduleAutomaticBackup(schedule, retry, this::report);
                try {
                    shutdown.install(handle::close);
                    output.message("schedule " + schedule.describe() + " (" + retry.describe() + "); next run "
                            + TimeText.local(handle.nextRun().toOffsetDateTime()) + "; stop with Ctrl-C or SIGTERM");
                    handle.awaitStop();
                } finally {
                    handle.close(); // before the manager closes: a running backup finishes first
                }
            }
            output.message("schedule stopped");
            return ExitCodes.OK;
        }
    }

    private Schedule fromOptions() {
        if (when == null) {
            return null;
        }
        if (when.cron != null) {
            try {
                return cronExpressions.parse(when.cron, "--cron");
            } catch (InvalidConfiguration e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--cron': " + e.problem());
            }
        }
        return when.at != null ? when.at : when.every;
    }

    /** Sources that are missing now would fail every run: refuse to start instead (exit 2). */
    private static void requireSources(BackupConfig config) {
        List<Path> missing = config.sourcePaths().stream()
                .filter(path -> !Files.exists(path, LinkOption.NOFOLLOW_LINKS)).toList();
        if (config.sourcePaths().isEmpty() || !missing.isEmpty()) {
            throw new MissingSourcePaths(missing);
        }
    }

    private void report(ScheduledRun run) {
        if (output.json()) {
            output.printJson(ScheduleRunJson.of(run));
        } else {
            output.out().println(ScheduleRunText.line(run));
            output.out().flush();
        }
    }
}
