package org.vigil.accessreview;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;

/**
 * When quarterly campaigns start, for the timers of access-review.bpmn ({@code ${accessReviewSchedule.cycle()}}).
 * Depends on nothing of the engine: the start timer's cycle is read while the engine deploys the model.
 */
@Component("accessReviewSchedule")
public class AccessReviewSchedule {

    private final AccessReviewSettings settings;
    private final CompanyCalendar calendar;
    private final Clock clock;

    AccessReviewSchedule(AccessReviewSettings settings, CompanyCalendar calendar, Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The quarterly timer's cycle (6-field cron, company zone), from {@code vigil.access-review.cycle}. */
    public String cycle() {
        return settings.cycle();
    }

    /** The first working day at the configured start time from today on; now, if that moment has passed today. */
    public Date firstWorkingDayStart() {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        LocalDate day = calendar.firstWorkingDayFrom(now.toLocalDate());
        ZonedDateTime at = day.atTime(settings.startTime()).atZone(clock.getZone());
        return Date.from(at.isBefore(now) ? now.toInstant() : at.toInstant());
    }
}
