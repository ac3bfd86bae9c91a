package org.vigil.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;

/**
 * When the assessments start and when their steps are due, for the models ({@code ${riskSchedule.annualCycle()}},
 * {@code ${riskSchedule.stepDue(10)}}). The SLA policies of seeds/sla/policies.yaml set each step's dates when its task
 * is created; the model's own are what a step without a policy gets. Depends on nothing of the engine: the start
 * timers' cycles are read while the engine deploys the models.
 */
@Component("riskSchedule")
public class RiskSchedule {

    private final RiskSettings settings;
    private final CompanyCalendar calendar;
    private final Clock clock;

    RiskSchedule(RiskSettings settings, CompanyCalendar calendar, Clock clock) {
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    public String annualCycle() {
        return settings.annualCycle();
    }

    public String quarterlyCycle() {
        return settings.quarterlyCycle();
    }

    /** The first working day at the configured start time from today on; now, if that moment has passed today. */
    public Date firstWorkingDayStart() {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        LocalDate day = calendar.firstWorkingDayFrom(now.toLocalDate());
        ZonedDateTime at = day.atTime(settings.startTime()).atZone(clock.getZone());
        return Date.from(at.isBefore(now) ? now.toInstant() : at.toInstant());
    }

    /** The close of work {@code workingDays} working days from today. */
    public Date stepDue(int workingDays) {
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        return Date.from(calendar.endOfWorkingDay(calendar.plusWorkingDays(today, workingDays)));
    }
}
