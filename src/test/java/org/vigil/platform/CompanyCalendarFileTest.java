package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A bad company calendar stops the start, naming the file and the entry; the shipped one starts. */
class CompanyCalendarFileTest {

    static final String GOOD_HOURS = "workingHours: {start: \"09:00\", end: \"17:00\"}";
    static final String WEEKDAYS = "workingDays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PlatformConfiguration.class)
            .withPropertyValues("vigil.company.zone=America/New_York");

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        # the entry that is wrong                                      | what the refusal says
        holidays: {2026: {2026-02-30: Nowhere Day}}                     | holidays 2026: 2026-02-30 is not a date (yyyy-mm-dd)
        holidays: {2026: {2027-01-01: New Year}}                        | holidays 2026: 2027-01-01 is not in 2026
        holidays: {2026: {2026-07-04: Independence Day}}                | holidays 2026: 2026-07-04 (Independence Day) falls on a SATURDAY
        holidays: {2026: {2026-02-16: ""}}                              | holidays 2026: 2026-02-16 has no name
        holidays: {2026: {2026-02-16: Presidents Day, 2026-02-16: Again}} | 2026-02-16
        holidays: {26: {2026-02-16: Presidents Day}}                    | holidays: '26' must be a year
        zone: Europe/Berlin                                             | 'zone' is not a section of the calendar
        """)
    void refusesABadEntryNamingIt(String badEntry, String refusal) {
        String file = WEEKDAYS + "\n" + GOOD_HOURS + "\n" + badEntry + "\n";

        assertThatThrownBy(() -> read(file))
                .hasMessageStartingWith("Company calendar test-calendar.yaml (vigil.company.calendar): ")
                .hasMessageContaining(refusal);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        workingDays: [MONDAY, FUNDAY]                | workingDays: 'FUNDAY' is not a day of the week
        workingDays: [MONDAY, MONDAY]                | workingDays: MONDAY is listed twice
        workingDays: []                              | workingDays must list the working days
        """)
    void refusesBadWorkingDays(String workingDays, String refusal) {
        assertThatThrownBy(() -> read(workingDays + "\n" + GOOD_HOURS + "\n"))
                .hasMessageContaining("test-calendar.yaml").hasMessageContaining(refusal);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        workingHours: {start: "17:00", end: "09:00"} | workingHours: start 17:00 is not before end 09:00
        workingHours: {start: "9am", end: "17:00"}   | workingHours: start '9am' is not a time of day (HH:mm)
        workingHours: {start: "09:00"}               | workingHours: end '' is not a time of day (HH:mm)
        """)
    void refusesBadWorkingHours(String workingHours, String refusal) {
        assertThatThrownBy(() -> read(WEEKDAYS + "\n" + workingHours + "\n"))
                .hasMessageContaining("test-calendar.yaml").hasMessageContaining(refusal);
    }

    @Test
    void theApplicationRefusesToStartWithABadCalendarFileNamingItAndTheEntry(@TempDir Path folder) throws IOException {
        Path bad = Files.writeString(folder.resolve("company-calendar.yaml"),
                WEEKDAYS + "\n" + GOOD_HOURS + "\nholidays:\n  2026:\n    2026-02-30: Nowhere Day\n");

        context.withPropertyValues("vigil.company.calendar=file:" + bad)
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Company calendar file:" + bad)
                        .hasMessageContaining("holidays 2026: 2026-02-30 is not a date"));
    }

    @Test
    void theApplicationRefusesToStartWithoutItsCalendarFile() {
        context.withPropertyValues("vigil.company.calendar=classpath:seeds/calendar/nowhere.yaml")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Company calendar classpath:seeds/calendar/nowhere.yaml (vigil.company.calendar) not found"));
    }

    @Test
    void theApplicationRefusesToStartWithoutACompanyZone() {
        new ApplicationContextRunner().withUserConfiguration(PlatformConfiguration.class)
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("vigil.company.zone"));
    }

    @Test
    void theShippedCalendarStartsInTheCompanyZone() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(CompanyCalendar.class).zone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(started.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("America/New_York"));
        });
    }

    private static CompanyCalendar read(String yaml) {
        return CompanyCalendarFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test-calendar.yaml", ZoneId.of("America/New_York"));
    }
}
