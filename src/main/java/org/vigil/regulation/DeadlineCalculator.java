package org.vigil.regulation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Predicate;

/** The date arithmetic of RULES.md A.6, with java.time only. Stateless. */
final class DeadlineCalculator {

    private DeadlineCalculator() {
    }

    /** C1: the calendar date of an instant in the entity's zone (23:30 PST on Dec 31 is still Dec 31). */
    static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * C2: a day-based deadline expires at the end of its date, 23:59:59 local with the offset in force that day.
     * Taken as one second before the next local midnight so that a DST change at midnight cannot push it into the
     * following day.
     */
    static OffsetDateTime endOfDay(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).minusSeconds(1).toOffsetDateTime();
    }

    /** C2, C3: N calendar days after the trigger date, no weekend or holiday roll-forward. */
    static LocalDate plusCalendarDays(LocalDate trigger, int days) {
        return trigger.plusDays(days);
    }

    /** C5: N business days after the trigger date, excluding the trigger day; {@code isBusinessDay} decides holidays. */
    static LocalDate plusBusinessDays(LocalDate trigger, int days, Predicate<LocalDate> isBusinessDay) {
        LocalDate date = trigger;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay.test(date)) {
                counted++;
            }
        }
        return date;
    }

    static LocalDate plusBusinessDays(LocalDate trigger, int days) {
        return plusBusinessDays(trigger, days, DeadlineCalculator::isWeekday);
    }

    /** C4: hour clocks are elapsed time; wall-clock arithmetic would be an hour late across the EU fall-back. */
    static Instant plusElapsedHours(Instant trigger, int hours) {
        return trigger.plus(Duration.ofHours(hours));
    }

    /** G8, Reg. 1182/71 Art. 3(2)(c): same date in the last month, or that month's last day (Jan 31 + 1 = Feb 28/29). */
    static LocalDate plusMonths(LocalDate trigger, int months) {
        return trigger.plusMonths(months);
    }

    /** H11, F3: N days after 31 December of the year (Mar 1, or Feb 29 when the next year is a leap year). */
    static LocalDate afterEndOfYear(int year, int days) {
        return LocalDate.of(year, 12, 31).plusDays(days);
    }

    /** A.7.7, C3: the next weekday (or business day) on or after the date. */
    static LocalDate rollForward(LocalDate date, Predicate<LocalDate> isBusinessDay) {
        LocalDate rolled = date;
        while (!isBusinessDay.test(rolled)) {
            rolled = rolled.plusDays(1);
        }
        return rolled;
    }

    static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
