package dev.backman.cli.command;

import dev.backman.domain.error.InvalidConfiguration;
import dev.backman.domain.model.Schedule;
import picocli.CommandLine;

/** The option values of {@code backman schedule}; an invalid one is a usage error (exit 2) that says why. */
final class ScheduleConverters {
    private ScheduleConverters() {
    }

    /** {@code --at HH:MM}. */
    public static final class DailyAt implements CommandLine.ITypeConverter<Schedule.DailyAt> {
        @Override
        public Schedule.DailyAt convert(String value) {
            try {
                return Schedule.DailyAt.parse(value);
            } catch (InvalidConfiguration e) {
                throw new CommandLine.TypeConversionException(e.problem());
            }
        }
    }

    /** {@code --every DURATION}: at least one second. */
    public static final class Every implements CommandLine.ITypeConverter<Schedule.Every> {
        @Override
        public Schedule.Every convert(String value) {
            try {
                return new Schedule.Every(new DurationConverter().convert(value));
            } catch (InvalidConfiguration e) {
                throw new CommandLine.TypeConversionException(e.problem());
            }
        }
    }
}
