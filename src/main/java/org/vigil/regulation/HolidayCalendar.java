package org.vigil.regulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Public holidays as rules from the catalog (fixed dates with weekend observance, or the nth weekday of a month).
 * Only the holiday-aware alternatives of A.7.5 use it: the conservative business-day count skips weekends only (C5).
 */
final class HolidayCalendar {

    record HolidayRule(String name, Integer month, Integer day, DayOfWeek weekday, Integer ordinal, boolean observed) {
    }

    private final String name;
    private final List<HolidayRule> rules;

    HolidayCalendar(String name, List<HolidayRule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    String name() {
        return name;
    }

    boolean isHoliday(LocalDate date) {
        // New Year's Day falling on a Saturday is observed on 31 December of the year before.
        for (int year = date.getYear(); year <= date.getYear() + 1; year++) {
            for (HolidayRule rule : rules) {
                if (date.equals(dateOf(rule, year))) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isBusinessDay(LocalDate date) {
        return DeadlineCalculator.isWeekday(date) && !isHoliday(date);
    }

    static LocalDate dateOf(HolidayRule rule, int year) {
        if (rule.day() != null) {
            LocalDate date = LocalDate.of(year, rule.month(), rule.day());
            if (!rule.observed()) {
                return date;
            }
            return switch (date.getDayOfWeek()) {
                case SATURDAY -> date.minusDays(1);
                case SUNDAY -> date.plusDays(1);
                default -> date;
            };
        }
        LocalDate first = LocalDate.of(year, rule.month(), 1);
        return rule.ordinal() > 0
                ? first.with(TemporalAdjusters.dayOfWeekInMonth(rule.ordinal(), rule.weekday()))
                : first.with(TemporalAdjusters.lastInMonth(rule.weekday()));
    }
}
