package org.vigil.regulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays as rules from the catalog (fixed dates with weekend observance, or the nth weekday of a month).
 * Only the holiday-aware alternatives of A.7.5 use it: the conservative business-day count skips weekends only (C5).
 */
final class HolidayCalendar {

    record HolidayRule(String name, Integer month, Integer day, DayOfWeek weekday, Integer ordinal, boolean observed) {
    }

    private final String name;
    private final List<HolidayRule> rules;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    HolidayCalendar(String name, List<HolidayRule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    String name() {
        return name;
    }

    boolean isHoliday(LocalDate date) {
        return holidaysObservedIn(date.getYear()).contains(date);
    }

    /** Every plan asks about the same few years; the rules are evaluated once per year. */
    private Set<LocalDate> holidaysObservedIn(int year) {
        return byYear.computeIfAbsent(year, y -> {
            Set<LocalDate> dates = new HashSet<>();
            // New Year's Day falling on a Saturday is observed on 31 December of the year before.
            for (int ruleYear = y; ruleYear <= y + 1; ruleYear++) {
                for (HolidayRule rule : rules) {
                    LocalDate observed = dateOf(rule, ruleYear);
                    if (observed.getYear() == y) {
                        dates.add(observed);
                    }
                }
            }
            return Set.copyOf(dates);
        });
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
