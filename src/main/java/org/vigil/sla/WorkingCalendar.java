package org.vigil.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Working hours and holidays of the company, for SLAs counted in working hours or working days. */
record WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end, Set<LocalDate> holidays) {

    boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** {@code hours} of working time after {@code from}; time outside working hours does not count. */
    Instant plusWorkingHours(Instant from, long hours) {
        ZonedDateTime at = startOfWork(from.atZone(zone));
        Duration left = Duration.ofHours(hours);
        while (true) {
            ZonedDateTime endOfDay = at.toLocalDate().atTime(end).atZone(zone);
            Duration today = Duration.between(at, endOfDay);
            if (left.compareTo(today) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(today);
            at = nextWorkingDayStart(at.toLocalDate());
        }
    }

    /** The end of the working day {@code days} working days after {@code from}'s day. */
    Instant plusWorkingDays(Instant from, long days) {
        LocalDate date = from.atZone(zone).toLocalDate();
        long counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(end).atZone(zone).toInstant();
    }

    private ZonedDateTime startOfWork(ZonedDateTime at) {
        LocalDate date = at.toLocalDate();
        if (isWorkingDay(date) && at.toLocalTime().isBefore(start)) {
            return date.atTime(start).atZone(zone);
        }
        if (isWorkingDay(date) && at.toLocalTime().isBefore(end)) {
            return at;
        }
        return nextWorkingDayStart(date);
    }

    private ZonedDateTime nextWorkingDayStart(LocalDate after) {
        LocalDate date = after.plusDays(1);
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date.atTime(start).atZone(zone);
    }
}
