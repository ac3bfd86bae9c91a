package org.vigil.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates for user tasks, for models to call as {@code ${taskDates.followUp(dueDate, 'P2D')}}.
 * Dates from forms arrive as ISO strings; a date without a time means the close of that working day on the company
 * calendar. Also the due day in words for a task's name.
 */
@Component("taskDates")
public class TaskDates {

    private final Clock clock;
    private final CompanyCalendar calendar;

    TaskDates(Clock clock, CompanyCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The task's due instant from a form value: a {@link Date}, an ISO date, or an ISO date-time. */
    public Date due(Object value) {
        return Date.from(toInstant(value));
    }

    /** {@code lead} (ISO period, e.g. {@code P2D}) before the due date, but never before now. */
    public Date followUp(Object due, String lead) {
        ZonedDateTime dueAt = toInstant(due).atZone(clock.getZone());
        Instant followUp = dueAt.minus(Period.parse(lead)).toInstant();
        Instant now = clock.instant();
        return Date.from(followUp.isBefore(now) ? now : followUp);
    }

    /** The day of a due date in words, for a task's name ({@code ${taskDates.day(dueDate)}}): "Thu 12 Mar 2026". */
    public String day(Object value) {
        LocalDate day = value instanceof String text && text.length() == 10
                ? LocalDate.parse(text) : toInstant(value).atZone(clock.getZone()).toLocalDate();
        return DAY.format(day);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private Instant toInstant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            if (text.length() == 10) {
                return calendar.endOfWorkingDay(LocalDate.parse(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        }
        throw new IllegalArgumentException("Not a date: " + value);
    }
}
