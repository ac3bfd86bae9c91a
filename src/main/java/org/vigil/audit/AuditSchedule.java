package org.vigil.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;

/**
 * When the programme's audits start, for the timers of internal-audit.bpmn ({@code ${auditSchedule.comprehensiveCycle()}},
 * {@code ${auditSchedule.focusedCycle()}}): {@code vigil.audit.*} where set, else the programme of seeds/audit. Depends
 * on nothing of the engine: the start timers' cycles are read while the engine deploys the model.
 */
@Component("auditSchedule")
public class AuditSchedule {

    private final AuditSettings settings;
    private final AuditCatalog catalog;
    private final CompanyCalendar calendar;
    private final Clock clock;

    AuditSchedule(AuditSettings settings, AuditCatalog catalog, CompanyCalendar calendar, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The yearly comprehensive audit's cycle (6-field cron, company zone). */
    public String comprehensiveCycle() {
        return settings.comprehensiveCycle().isBlank() ? catalog.programme().comprehensiveCycle() : settings.comprehensiveCycle();
    }

    /** The quarterly focused audit's cycle (6-field cron, company zone). */
    public String focusedCycle() {
        return settings.focusedCycle().isBlank() ? catalog.programme().focusedCycle() : settings.focusedCycle();
    }

    /** How often the open findings of an audit are followed up. */
    public String followUpCycle() {
        return settings.followUpCycle();
    }

    /** The first working day at the configured start time from today on; now, if that moment has passed today. */
    public Date firstWorkingDayStart() {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        LocalDate day = calendar.firstWorkingDayFrom(now.toLocalDate());
        ZonedDateTime at = day.atTime(settings.startTime()).atZone(clock.getZone());
        return Date.from(at.isBefore(now) ? now.toInstant() : at.toInstant());
    }
}
