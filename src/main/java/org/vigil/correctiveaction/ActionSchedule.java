package org.vigil.correctiveaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;

/**
 * The dates of an action, from the severity policy, on the company's clock and calendar: a due day ends at the close of
 * work of the first working day on or after it. Models call it as {@code ${correctiveActionSchedule.stepDue(severity)}}.
 */
@Component("correctiveActionSchedule")
public class ActionSchedule {

    private final SeverityPolicy policy;
    private final CompanyCalendar calendar;
    private final Clock clock;

    ActionSchedule(SeverityPolicy policy, CompanyCalendar calendar, Clock clock) {
        this.policy = policy;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** When an action raised or reopened at {@code from} is due: the policy's term, at the close of that working day. */
    Instant dueFrom(Instant from, String severity) {
        return closeOf(from.atZone(calendar.zone()).toLocalDate().plus(policy.of(severity).due()));
    }

    /** The due date as the plan form shows it: the day, in the company zone. */
    LocalDate dueDay(Instant dueAt) {
        return dueAt.atZone(calendar.zone()).toLocalDate();
    }

    /** The close of work on {@code day}, or on the first working day after it. */
    Instant closeOf(LocalDate day) {
        return calendar.endOfWorkingDay(calendar.firstWorkingDayFrom(day));
    }

    /** The reminder before {@code dueAt}; never before now, so a short due date reminds at once rather than never. */
    Instant remindAt(Instant dueAt, String severity) {
        Instant remind = dueAt.atZone(calendar.zone()).minus(policy.of(severity).remindBefore()).toInstant();
        Instant now = clock.instant();
        return remind.isBefore(now) ? now : remind;
    }

    /** When the effectiveness check falls due: the waiting period after implementation, at the start of that working day. */
    Instant effectivenessCheckAt(Instant implementedAt, String severity) {
        ZonedDateTime at = implementedAt.atZone(calendar.zone()).plus(policy.of(severity).effectivenessAfter());
        LocalDate day = calendar.firstWorkingDayFrom(at.toLocalDate());
        return day.atTime(calendar.workingDayStart()).atZone(calendar.zone()).toInstant();
    }

    /** A step's due date (immediate correction, root cause, plan): the policy's step term from now, never after the action's due date. */
    public Date stepDue(String severity, Date actionDueAt) {
        Instant step = closeOf(clock.instant().atZone(calendar.zone()).toLocalDate().plus(policy.of(severity).stepWithin()));
        return Date.from(actionDueAt != null && actionDueAt.toInstant().isBefore(step) ? actionDueAt.toInstant() : step);
    }

    /** The effectiveness check's due date: the policy's check term after it falls due. */
    public Date checkDue(String severity) {
        return Date.from(closeOf(clock.instant().atZone(calendar.zone()).toLocalDate().plus(policy.of(severity).checkWithin())));
    }
}
