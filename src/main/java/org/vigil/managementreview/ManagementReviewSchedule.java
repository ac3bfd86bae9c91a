package org.vigil.managementreview;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;

/**
 * When the reviews start, for the start timers ({@code ${managementReviewSchedule.quarterlyCycle()}} and the others)
 * and the wait for the first working day. Depends on nothing of the engine: the start timers' cycles are read while
 * the engine deploys the models.
 */
@Component("managementReviewSchedule")
public class ManagementReviewSchedule {

    private final ManagementReviewSettings settings;
    private final CompanyCalendar calendar;
    private final Clock clock;

    ManagementReviewSchedule(ManagementReviewSettings settings, CompanyCalendar calendar, Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    public String quarterlyCycle() {
        return settings.quarterlyCycle();
    }

    public String monthlyCycle() {
        return settings.monthlyCycle();
    }

    public String annualCycle() {
        return settings.annualCycle();
    }

    /** The first working day at the configured start time from today on; now, if that moment has passed today. */
    public Date firstWorkingDayStart() {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        LocalDate day = calendar.firstWorkingDayFrom(now.toLocalDate());
        ZonedDateTime at = day.atTime(settings.startTime()).atZone(clock.getZone());
        return Date.from(at.isBefore(now) ? now.toInstant() : at.toInstant());
    }
}
