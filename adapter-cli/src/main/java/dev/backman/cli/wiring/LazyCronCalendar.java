package dev.backman.cli.wiring;

import dev.backman.domain.port.CronCalendar;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/** Creates the cron adapter on first use: only a cron schedule loads cron-utils, never another command. */
final class LazyCronCalendar implements CronCalendar {
    private final Supplier<CronCalendar> factory;
    private CronCalendar delegate;

    LazyCronCalendar(Supplier<CronCalendar> factory) {
        this.factory = factory;
    }

    @Override
    public Optional<String> problem(String expression) {
        return delegate().problem(expression);
    }

    @Override
    public Optional<LocalDateTime> nextAfter(String expression, LocalDateTime after) {
        return delegate().nextAfter(expression, after);
    }

    private synchronized CronCalendar delegate() {
        if (delegate == null) {
            delegate = factory.get();
        }
        return delegate;
    }
}
