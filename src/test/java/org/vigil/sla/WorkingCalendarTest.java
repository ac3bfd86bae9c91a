package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    static final WorkingCalendar calendar = new WorkingCalendar(ZoneId.of("America/New_York"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.parse("2026-11-26")));

    @ParameterizedTest(name = "{0} + {1} working hours = {2}")
    @CsvSource({
        "2026-11-23T10:00-05:00, 4, 2026-11-23T14:00-05:00",   // Monday morning, same day
        "2026-11-23T15:00-05:00, 4, 2026-11-24T11:00-05:00",   // runs over the evening
        "2026-11-27T16:00-05:00, 4, 2026-11-30T12:00-05:00",   // Friday afternoon: over the weekend
        "2026-11-25T16:00-05:00, 4, 2026-11-27T12:00-05:00",   // Wednesday before Thanksgiving: skips the holiday
        "2026-11-28T22:00-05:00, 4, 2026-11-30T13:00-05:00",   // reported on Saturday night: starts Monday 09:00
        "2026-11-23T07:00-05:00, 8, 2026-11-23T17:00-05:00"    // before opening: a full day
    })
    void workingHoursSkipNightsWeekendsAndHolidays(String from, int hours, String expected) {
        assertThat(calendar.plusWorkingHours(OffsetDateTime.parse(from).toInstant(), hours))
                .isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2026-11-23T10:00-05:00, 1, 2026-11-24T17:00-05:00",
        "2026-11-25T10:00-05:00, 1, 2026-11-27T17:00-05:00",   // Thursday is Thanksgiving
        "2026-11-27T10:00-05:00, 3, 2026-12-02T17:00-05:00"    // Friday + 3: Mon, Tue, Wed
    })
    void workingDaysEndAtTheCloseOfTheLastOne(String from, int days, String expected) {
        assertThat(calendar.plusWorkingDays(OffsetDateTime.parse(from).toInstant(), days))
                .isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }
}
