package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working time as the shipped seeds/calendar/company-calendar.yaml counts it, in America/New_York. */
class CompanyCalendarTest {

    static CompanyCalendar calendar;

    @BeforeAll
    static void theShippedCalendar() throws IOException {
        String file = "seeds/calendar/company-calendar.yaml";
        try (var in = new FileInputStream(file)) {
            calendar = CompanyCalendarFile.read(in, file, ZoneId.of("America/New_York"));
        }
    }

    @ParameterizedTest(name = "{0} + {1} working hours = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # from                   | hours | due                    | because
        2026-11-23T10:00-05:00   | 4     | 2026-11-23T14:00-05:00 | Monday morning: the same day
        2026-11-23T13:00-05:00   | 4     | 2026-11-23T17:00-05:00 | ends exactly at the close of work
        2026-11-23T15:00-05:00   | 4     | 2026-11-24T11:00-05:00 | two hours left at the end of the day, two the next morning
        2026-11-23T17:00-05:00   | 1     | 2026-11-24T10:00-05:00 | reported at the close: counts from the next morning
        2026-11-23T07:00-05:00   | 8     | 2026-11-23T17:00-05:00 | before opening: a full day
        2026-11-27T16:00-05:00   | 4     | 2026-11-30T12:00-05:00 | Friday afternoon: over the weekend
        2026-11-28T22:00-05:00   | 4     | 2026-11-30T13:00-05:00 | Saturday night: starts Monday 09:00
        2026-11-25T16:00-05:00   | 4     | 2026-11-27T12:00-05:00 | Thanksgiving skipped
        2026-02-13T15:00-05:00   | 4     | 2026-02-17T11:00-05:00 | weekend and Presidents' Day skipped
        2026-03-06T15:00-05:00   | 4     | 2026-03-09T11:00-04:00 | clocks go forward on Sunday: still 11:00 on Monday
        2026-10-30T16:00-04:00   | 2     | 2026-11-02T10:00-05:00 | clocks go back on Sunday: still 10:00 on Monday
        """)
    void workingHoursSkipNightsWeekendsAndHolidays(String from, int hours, String due, String because) {
        assertThat(calendar.plusWorkingHours(instant(from), hours)).as(because).isEqualTo(instant(due));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # from                   | days | due                    | because
        2026-11-23T10:00-05:00   | 0    | 2026-11-23T10:00-05:00 | nothing to add
        2026-11-23T10:00-05:00   | 1    | 2026-11-24T10:00-05:00 | the next day, same time
        2026-11-27T10:00-05:00   | 3    | 2026-12-02T10:00-05:00 | Friday + 3: Monday, Tuesday, Wednesday
        2026-11-28T10:00-05:00   | 1    | 2026-11-30T10:00-05:00 | from a Saturday: Monday
        2026-11-25T10:00-05:00   | 1    | 2026-11-27T10:00-05:00 | Thursday is Thanksgiving
        2026-02-13T14:30-05:00   | 1    | 2026-02-17T14:30-05:00 | Monday is Presidents' Day
        2026-11-23T19:00-05:00   | 1    | 2026-11-24T19:00-05:00 | after the close: the time of day is kept
        2026-03-06T10:00-05:00   | 1    | 2026-03-09T10:00-04:00 | clocks go forward on Sunday: same wall-clock time
        2026-12-31T12:00-05:00   | 1    | 2027-01-04T12:00-05:00 | New Year's Day and a weekend across the year end
        """)
    void workingDaysKeepTheTimeOfDay(String from, int days, String due, String because) {
        assertThat(calendar.plusWorkingDays(instant(from), days)).as(because).isEqualTo(instant(due));
    }

    @ParameterizedTest(name = "{0}: working day {1}, first working day from it {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # day       | working | first working day from it
        2026-02-13  | true    | 2026-02-13
        2026-02-14  | false   | 2026-02-17
        2026-02-16  | false   | 2026-02-17
        2026-07-03  | false   | 2026-07-06
        2027-01-01  | false   | 2027-01-04
        2027-12-24  | false   | 2027-12-27
        2028-02-21  | false   | 2028-02-22
        """)
    void weekendsAndHolidaysAreNoWorkingDays(LocalDate day, boolean working, LocalDate firstWorkingDay) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
        assertThat(calendar.firstWorkingDayFrom(day)).isEqualTo(firstWorkingDay);
    }

    @Test
    void holidaysHaveTheirNames() {
        assertThat(calendar.holidayOn(LocalDate.parse("2026-02-16"))).contains("Washington's Birthday (Presidents' Day)");
        assertThat(calendar.holidayOn(LocalDate.parse("2026-02-14"))).isEmpty();
    }

    @Test
    void aWorkingDayEndsAtFiveInTheCompanyZone() {
        assertThat(calendar.endOfWorkingDay(LocalDate.parse("2026-03-09"))).isEqualTo(instant("2026-03-09T17:00-04:00"));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
