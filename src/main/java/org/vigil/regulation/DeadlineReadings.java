package org.vigil.regulation;

import org.vigil.regulation.Rule.AmbiguityDefinition;
import org.vigil.regulation.Rule.Clock;
import org.vigil.regulation.Rule.Period;
import org.vigil.regulation.Rule.Relation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Reads a catalog clock for one duty: absolute clocks (C1-C5, G8, H11), relative ones that run from another notice
 * of the plan or its actual sending (C6), the alternative readings of the ambiguities (A.7) and law-enforcement
 * holds (C10). Each reading carries the words that explain it.
 */
final class DeadlineReadings {

    /** A deadline by one reading; {@code deadline} null = no fixed period (a wording such as without undue delay). */
    record Reading(OffsetDateTime deadline, String rule, String explanation) {
    }

    private final IncidentFacts facts;
    private final RuleCatalog catalog;
    /** The notices already placed in the plan, looked up by rule ids and jurisdiction. */
    private final BiFunction<List<String>, String, PlacedNotice> placed;

    DeadlineReadings(IncidentFacts facts, RuleCatalog catalog, BiFunction<List<String>, String, PlacedNotice> placed) {
        this.facts = facts;
        this.catalog = catalog;
        this.placed = placed;
    }

    Optional<OffsetDateTime> alternativeReading(Rule rule, Duty target, AmbiguityDefinition ambiguity, Reading primary) {
        return switch (ambiguity.kind()) {
            case ALTERNATIVE_CLOCK -> Optional.ofNullable(reading(ambiguity.clock(), target, null)).map(Reading::deadline);
            case HOLIDAYS_EXCLUDED -> Optional.ofNullable(reading(rule.clock(), target, catalog.holidayCalendar(ambiguity.calendar())))
                    .map(Reading::deadline);
            case HOUR_ROUNDING -> {
                // Reg. 1182/71 Art. 3(1): the hour in which the event occurs is not counted.
                var start = facts.start(rule.clock().start()).instant();
                var nextHour = start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                yield Optional.of(facts.inZone(DeadlineCalculator.plusElapsedHours(nextHour, rule.clock().amount())));
            }
            case LAW_ENFORCEMENT_TOLLING, WEEKEND_EXTENSION -> Optional.empty();
        };
    }

    /** C10: never before the hold ends; Maine-style rules run a fresh period from the end of the hold. */
    OffsetDateTime afterHold(Rule rule, OffsetDateTime deadline) {
        var after = rule.lawEnforcementAfterHold();
        if (after != null) {
            return endOfDay(advance(facts.hold.lastDay(), after.period(), after.amount(), null));
        }
        return deadline.isBefore(facts.hold.holdUntil()) ? facts.hold.holdUntil() : deadline;
    }

    String holdExplanation(Rule rule) {
        var after = rule.lawEnforcementAfterHold();
        String hold = "law-enforcement hold until " + facts.hold.lastDay() + " (" + facts.hold.description() + ")";
        return after != null
                ? hold + "; due " + after.amount() + " " + periodWords(after.period(), after.amount()) + " after the hold ends"
                : hold + "; due at the later of the limit and the end of the hold (C10)";
    }

    /** A reading of a clock; null when a relative clock has no earlier notice in the plan. */
    Reading reading(Clock clock, Duty target, HolidayCalendar holidays) {
        if (clock.isRelative()) {
            return relativeReading(clock, target, holidays);
        }
        if (clock.period() == Period.NONE) {
            String wording = clock.wording().name().toLowerCase();
            return new Reading(null, wording, wording.replace('_', ' ') + " (no fixed period)");
        }
        if (clock.period() == Period.ANNUAL_LOG) {
            var from = facts.start(clock.yearOf());
            int year = facts.localDate(from.instant()).getYear();
            LocalDate due = DeadlineCalculator.afterEndOfYear(year, clock.amount());
            return new Reading(endOfDay(due), "annual_log_by", from.label() + " in " + year + ": end of " + year
                    + " + " + clock.amount() + " days");
        }
        var from = facts.start(clock.start());
        if (clock.period() == Period.HOURS) {
            var due = DeadlineCalculator.plusElapsedHours(from.instant(), clock.amount());
            return new Reading(facts.inZone(due), "fixed_hours", from.label() + " " + from.instant() + " + "
                    + clock.amount() + " hours elapsed (UTC, C4)");
        }
        LocalDate trigger = facts.localDate(from.instant());
        LocalDate due = advance(trigger, clock.period(), clock.amount(), holidays);
        String rule = clock.period() == Period.BUSINESS_DAYS ? "fixed_business_days" : "fixed_calendar_days";
        return new Reading(endOfDay(due), rule, from.label() + " " + trigger + " + " + clock.amount() + " "
                + periodWords(clock.period(), clock.amount()) + businessDayNote(clock.period(), holidays));
    }

    private Reading relativeReading(Clock clock, Duty target, HolidayCalendar holidays) {
        PlacedNotice earlier = placed.apply(clock.notice(), target.jurisdiction());
        if (earlier == null) {
            return null;
        }
        Optional<Instant> sent = facts.sentAt(earlier.recipient(), earlier.jurisdiction());
        String source = sent.map(s -> earlier.label() + " sent " + facts.localDate(s))
                .orElseGet(() -> earlier.deadline() == null
                        ? earlier.label() + " (no fixed day limit)"
                        : earlier.label() + " due " + earlier.deadline().toLocalDate() + " (outer bound, C6)");
        OffsetDateTime base = switch (clock.relation()) {
            case CONTEMPORANEOUS_WITH -> sent.map(s -> endOfDay(facts.localDate(s))).orElse(earlier.deadline());
            case NOT_LATER_THAN, BEFORE, EARLIER_OF -> sent.map(facts::inZone).orElse(earlier.deadline());
            case AFTER -> {
                LocalDate from = sent.map(facts::localDate)
                        .orElse(earlier.deadline() == null ? null : earlier.deadline().toLocalDate());
                yield from == null ? null : endOfDay(advance(from, clock.period(), clock.amount(), holidays));
            }
        };
        String words = switch (clock.relation()) {
            case CONTEMPORANEOUS_WITH -> "together with " + source;
            case NOT_LATER_THAN -> "no later than " + source;
            case BEFORE -> "before " + source;
            case EARLIER_OF -> "no later than " + source;
            case AFTER -> source + " + " + clock.amount() + " " + periodWords(clock.period(), clock.amount())
                    + businessDayNote(clock.period(), holidays);
        };
        String rule = switch (clock.relation()) {
            case CONTEMPORANEOUS_WITH -> "contemporaneous_with:" + earlier.label();
            case NOT_LATER_THAN -> "not_later_than:" + earlier.label();
            case BEFORE -> "before:" + earlier.label();
            case AFTER -> "relative:" + clock.amount() + " " + periodWords(clock.period(), clock.amount()) + " after " + earlier.label();
            case EARLIER_OF -> "earlier_of:" + clock.outerLimit().amount() + " "
                    + periodWords(clock.outerLimit().period(), clock.outerLimit().amount()) + " after "
                    + clock.outerLimit().start().name().toLowerCase() + " or " + earlier.label();
        };
        OffsetDateTime deadline = base;
        if (deadline == null && clock.outerLimit() == null && clock.relation() == Relation.AFTER) {
            // "N days after a notice due without undue delay": no day is fixed until that notice is sent (C6).
            return new Reading(null, earlier.deadlineRule(), words + "; fixed once " + earlier.label() + " is sent");
        }
        if (clock.outerLimit() != null) {
            Reading outer = reading(clock.outerLimit(), target, holidays);
            words = words + "; at the latest " + outer.explanation();
            if (deadline == null || (outer.deadline() != null && outer.deadline().isBefore(deadline))) {
                deadline = outer.deadline();
            }
        }
        return new Reading(deadline, rule, words);
    }

    private LocalDate advance(LocalDate from, Period period, int amount, HolidayCalendar holidays) {
        return switch (period) {
            case CALENDAR_DAYS -> DeadlineCalculator.plusCalendarDays(from, amount);
            case BUSINESS_DAYS -> DeadlineCalculator.plusBusinessDays(from, amount, businessDays(holidays));
            case MONTHS -> DeadlineCalculator.plusMonths(from, amount);
            case HOURS, ANNUAL_LOG, NONE -> throw new IllegalStateException(period + " cannot advance a date");
        };
    }

    private Predicate<LocalDate> businessDays(HolidayCalendar holidays) {
        return holidays == null ? DeadlineCalculator::isWeekday : holidays::isBusinessDay;
    }

    private String businessDayNote(Period period, HolidayCalendar holidays) {
        if (period != Period.BUSINESS_DAYS) {
            return period == Period.MONTHS ? " (Reg. 1182/71 Art. 3(2)(c))" : "";
        }
        return holidays == null ? " (Mon-Fri, holidays not skipped, C5)" : " (Mon-Fri without " + holidays.name() + " holidays)";
    }

    OffsetDateTime endOfDay(LocalDate date) {
        return DeadlineCalculator.endOfDay(date, facts.zone);
    }

    static String periodWords(Period period, int amount) {
        return switch (period) {
            case CALENDAR_DAYS -> amount == 1 ? "day" : "days";
            case BUSINESS_DAYS -> amount == 1 ? "business day" : "business days";
            case HOURS -> "hours";
            case MONTHS -> amount == 1 ? "month" : "months";
            case ANNUAL_LOG -> "days after the end of the year";
            case NONE -> "";
        };
    }
}
