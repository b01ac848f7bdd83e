package dev.backman.application;

import dev.backman.domain.contract.CronCalendarContract;
import dev.backman.domain.port.CronCalendar;

/** The fake used by the schedule tests keeps the port's contract. */
class FakeCronCalendarTest extends CronCalendarContract {
    @Override
    protected CronCalendar calendar() {
        return new FakeCronCalendar();
    }
}
