package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.breach.BreachResponseProcess.Task_ContainIncident;
import static org.vigil.breach.BreachResponseProcess.Task_InvestigateIncident;
import static org.vigil.breach.BreachResponseProcess.Task_TriageIncident;

import java.io.FileInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.vigil.breach.BreachResponseProcess;
import org.vigil.breach.BreachResponseVariables;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.CompanyCalendarFile;

/** The policies as seeded in seeds/sla/policies.yaml, on the shipped company calendar. */
class SlaPoliciesTest {

    static SlaPolicies policies;
    static final OffsetDateTime fridayAfternoon = OffsetDateTime.parse("2026-11-27T15:00-05:00");

    @BeforeAll
    static void theShippedPoliciesAndCalendar() throws IOException {
        CompanyCalendar calendar;
        try (var in = new FileInputStream("seeds/calendar/company-calendar.yaml")) {
            calendar = CompanyCalendarFile.read(in, "seeds/calendar/company-calendar.yaml", ZoneId.of("America/New_York"));
        }
        var settings = new SlaSettings("file:seeds/sla/policies.yaml", Duration.ofMinutes(1), Duration.ofSeconds(10));
        policies = new SlaPolicies(settings, new DefaultResourceLoader(), calendar);
    }

    @Test
    void triageIsDueWithinFourWorkingHours() {
        var dates = policies.datesFor(BreachResponseProcess.KEY, Task_TriageIncident, name -> null, fridayAfternoon.toInstant()).orElseThrow();
        assertThat(dates.due()).isEqualTo(OffsetDateTime.parse("2026-11-30T11:00-05:00").toInstant());
        assertThat(dates.followUp()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:00-05:00").toInstant());
    }

    @Test
    void triageReportedBeforePresidentsDayIsDueOnTuesday() {
        var friday = OffsetDateTime.parse("2026-02-13T15:00-05:00").toInstant();
        var dates = policies.datesFor(BreachResponseProcess.KEY, Task_TriageIncident, name -> null, friday).orElseThrow();
        assertThat(dates.due()).isEqualTo(OffsetDateTime.parse("2026-02-17T11:00-05:00").toInstant());
    }

    @Test
    void containmentDependsOnSeverity() {
        Map<String, Object> high = Map.of(BreachResponseVariables.SEVERITY.name(), "high");
        var dates = policies.datesFor(BreachResponseProcess.KEY, Task_ContainIncident, high::get, fridayAfternoon.toInstant()).orElseThrow();
        assertThat(dates.due()).isEqualTo(fridayAfternoon.plusHours(24).toInstant());

        var low = policies.datesFor(BreachResponseProcess.KEY, Task_ContainIncident, name -> "low", fridayAfternoon.toInstant()).orElseThrow();
        assertThat(low.due()).isEqualTo(OffsetDateTime.parse("2026-12-04T17:00-05:00").toInstant());
    }

    @Test
    void workingDaysEndAtTheCloseOfTheLastOne() {
        var mondayMorning = OffsetDateTime.parse("2026-11-23T10:00-05:00").toInstant();
        var dates = policies.datesFor(BreachResponseProcess.KEY, Task_InvestigateIncident, name -> null, mondayMorning).orElseThrow();
        assertThat(dates.due()).as("5 working days, Thanksgiving skipped").isEqualTo(OffsetDateTime.parse("2026-12-01T17:00-05:00").toInstant());
        assertThat(dates.followUp()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:00-05:00").toInstant());
    }

    @Test
    void aStepWithoutPolicyKeepsTheDatesOfItsModel() {
        assertThat(policies.datesFor("isms-follow-up", "Task_CompleteFollowUp", name -> null, fridayAfternoon.toInstant())).isEmpty();
    }
}
