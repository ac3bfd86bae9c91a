package org.vigil.regulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md A.6, conventions C1-C5 and G8, on the bare arithmetic. */
class DeadlineCalculatorTest {

    @ParameterizedTest(name = "{0} in {1} is local date {2}")
    @CsvSource(textBlock = """
            # instant              | entity zone         | local date (C1)
              2027-01-01T07:30:00Z | America/Los_Angeles | 2026-12-31
              2027-01-01T05:59:59Z | America/Chicago     | 2026-12-31
              2027-01-01T06:00:00Z | America/Chicago     | 2027-01-01
              2026-12-31T23:30:00Z | Europe/Berlin       | 2027-01-01
            """, delimiter = '|')
    void theDiscoveryDateIsTheLocalDateInTheEntitysZone(String instant, String zone, String localDate) {
        assertThat(DeadlineCalculator.localDate(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(LocalDate.parse(localDate));
    }

    @ParameterizedTest(name = "{0} in {1} ends {2}")
    @CsvSource(textBlock = """
            # date       | zone             | end of day with that date's offset (C2)
              2026-03-07 | America/Chicago  | 2026-03-07T23:59:59-06:00
              2026-03-08 | America/Chicago  | 2026-03-08T23:59:59-05:00
              2026-11-01 | America/Chicago  | 2026-11-01T23:59:59-06:00
              2026-03-29 | Europe/Berlin    | 2026-03-29T23:59:59+02:00
              2026-10-25 | Europe/Berlin    | 2026-10-25T23:59:59+01:00
              2026-04-05 | Australia/Sydney | 2026-04-05T23:59:59+10:00
            """, delimiter = '|')
    void aDayDeadlineEndsAt235959WithTheOffsetInForceOnThatDate(String date, String zone, String end) {
        assertThat(DeadlineCalculator.endOfDay(LocalDate.parse(date), ZoneId.of(zone))).hasToString(end);
    }

    @Test
    void aDayEndsJustBeforeMidnightEvenWhereDaylightSavingStartsAtMidnight() {
        // Havana springs forward at 00:00 (2026-03-08): the day before still ends at 23:59:59 standard time.
        var end = DeadlineCalculator.endOfDay(LocalDate.parse("2026-03-07"), ZoneId.of("America/Havana"));

        assertThat(end.toLocalTime()).hasToString("23:59:59");
        assertThat(end.toLocalDate()).isEqualTo(LocalDate.parse("2026-03-07"));
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource(textBlock = """
            # trigger          | business days | due (C5: Mon-Fri, the trigger day excluded, holidays not skipped)
              2026-03-06 (Fri) | 1             | 2026-03-09
              2026-03-07 (Sat) | 1             | 2026-03-09
              2026-03-08 (Sun) | 1             | 2026-03-09
              2026-03-09 (Mon) | 5             | 2026-03-16
              2026-03-06 (Fri) | 14            | 2026-03-26
              2026-03-06 (Fri) | 15            | 2026-03-27
              2026-12-24 (Thu) | 5             | 2026-12-31
            """, delimiter = '|')
    void businessDaysSkipWeekendsAndNotTheTriggerDay(String trigger, int days, String due) {
        var date = LocalDate.parse(trigger.substring(0, 10));

        assertThat(DeadlineCalculator.plusBusinessDays(date, days)).isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "{0} + {1} month = {2}")
    @CsvSource(textBlock = """
            # date       | months | due (Reg. 1182/71 Art. 3(2)(c))
              2026-01-31 | 1      | 2026-02-28
              2028-01-31 | 1      | 2028-02-29
              2026-03-31 | 1      | 2026-04-30
              2026-01-15 | 1      | 2026-02-15
            """, delimiter = '|')
    void aPeriodOfMonthsEndsOnTheSameDateOrTheLastDayOfTheMonth(String date, int months, String due) {
        assertThat(DeadlineCalculator.plusMonths(LocalDate.parse(date), months)).isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "breaches of {0}: due {1}")
    @CsvSource(textBlock = """
            # discovery year | 60 days after the year ends (H11)
              2026           | 2027-03-01
              2027           | 2028-02-29
              2028           | 2029-03-01
              2031           | 2032-02-29
            """, delimiter = '|')
    void annualLogsFallOnMarchFirstOrOnFebruaryTwentyNinthBeforeALeapYear(int year, String due) {
        assertThat(DeadlineCalculator.afterEndOfYear(year, 60)).isEqualTo(LocalDate.parse(due));
    }

    @Test
    void seventyTwoHoursAcrossTheEuFallBackAreOneHourEarlierOnTheWallClockThanNaiveArithmetic() {
        var zone = ZoneId.of("Europe/Berlin");
        var awareness = LocalDate.parse("2026-10-23").atTime(10, 0).atZone(zone);

        var elapsed = DeadlineCalculator.plusElapsedHours(awareness.toInstant(), 72).atZone(zone);
        var naive = awareness.plusDays(3);

        assertThat(elapsed.toLocalTime()).hasToString("09:00");
        assertThat(naive.toInstant()).isEqualTo(elapsed.toInstant().plusSeconds(3600));
    }

    @Test
    void holidayCalendarRulesGiveTheObservedFederalHolidays() {
        var calendar = Plans.CATALOG.holidayCalendar("us_federal");

        assertThat(calendar.isHoliday(LocalDate.parse("2027-01-18"))).as("MLK Day, third Monday").isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-07-03"))).as("Independence Day observed on Friday").isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2027-12-31"))).as("New Year 2028 (Saturday) observed").isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-05-25"))).as("Memorial Day, last Monday").isTrue();
        assertThat(calendar.isHoliday(LocalDate.parse("2026-05-18"))).isFalse();
    }
}
