package org.vigil.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The company's working time: its zone, working days, working hours and holidays, as read from
 * {@code seeds/calendar/company-calendar.yaml} at start. The one place that counts working days and working hours,
 * for SLA policies, access-review deadlines and task dates alike. (Statutory deadlines count the legal calendars of
 * their jurisdictions instead, in {@code regulation}.)
 */
public final class CompanyCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final LocalTime workingDayStart;
    private final LocalTime workingDayEnd;
    private final Map<LocalDate, String> holidays;

    /** Checked by {@link CompanyCalendarFile}; {@code holidays} maps each date to its name. */
    CompanyCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime workingDayStart, LocalTime workingDayEnd,
            Map<LocalDate, String> holidays) {
        if (workingDays.isEmpty() || !workingDayStart.isBefore(workingDayEnd)) {
            throw new IllegalArgumentException("A calendar needs working days and a working day that ends after it starts");
        }
        this.zone = zone;
        this.workingDays = Set.copyOf(workingDays);
        this.workingDayStart = workingDayStart;
        this.workingDayEnd = workingDayEnd;
        this.holidays = Map.copyOf(holidays);
    }

    public ZoneId zone() { return zone; }
    public LocalTime workingDayStart() { return workingDayStart; }
    public LocalTime workingDayEnd() { return workingDayEnd; }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
    }

    /** The holiday's name, if {@code day} is one of the company's holidays. */
    public Optional<String> holidayOn(LocalDate day) {
        return Optional.ofNullable(holidays.get(day));
    }

    /** Whether the calendar names any holiday in {@code year}; without, every working day of the week counts. */
    boolean listsHolidaysIn(int year) {
        return holidays.keySet().stream().anyMatch(day -> day.getYear() == year);
    }

    /** {@code day} itself if it is a working day, else the next working day. */
    public LocalDate firstWorkingDayFrom(LocalDate day) {
        LocalDate date = day;
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The {@code days}-th working day after {@code day} ({@code day} itself does not count). */
    public LocalDate plusWorkingDays(LocalDate day, long days) {
        LocalDate date = day;
        for (long counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** {@code days} working days after {@code from}, at the same time of day on the company's clock. */
    public Instant plusWorkingDays(Instant from, long days) {
        ZonedDateTime at = from.atZone(zone);
        // with(LocalDate) keeps the wall-clock time, so a change to or from daylight saving time moves no deadline.
        return at.with(plusWorkingDays(at.toLocalDate(), days)).toInstant();
    }

    /** The close of work on {@code day}, in the company zone. */
    public Instant endOfWorkingDay(LocalDate day) {
        return day.atTime(workingDayEnd).atZone(zone).toInstant();
    }

    /** {@code hours} of working time after {@code from}; nights, weekends and holidays do not count. */
    public Instant plusWorkingHours(Instant from, long hours) {
        ZonedDateTime at = startOfWorkFrom(from.atZone(zone));
        Duration left = Duration.ofHours(hours);
        while (true) {
            Duration restOfToday = Duration.between(at, at.toLocalDate().atTime(workingDayEnd).atZone(zone));
            if (left.compareTo(restOfToday) <= 0) {
                return at.plus(left).toInstant();
            }
            left = left.minus(restOfToday);
            at = startOfWorkOn(plusWorkingDays(at.toLocalDate(), 1));
        }
    }

    /** {@code at} if work is going on then, else the start of the next working time. */
    private ZonedDateTime startOfWorkFrom(ZonedDateTime at) {
        LocalDate date = at.toLocalDate();
        if (isWorkingDay(date) && at.toLocalTime().isBefore(workingDayStart)) {
            return startOfWorkOn(date);
        }
        if (isWorkingDay(date) && at.toLocalTime().isBefore(workingDayEnd)) {
            return at;
        }
        return startOfWorkOn(plusWorkingDays(date, 1));
    }

    private ZonedDateTime startOfWorkOn(LocalDate day) {
        return day.atTime(workingDayStart).atZone(zone);
    }
}
