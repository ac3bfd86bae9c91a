package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/** The policies as seeded in seeds/sla/policies.yaml. */
class SlaPoliciesTest {

    static final SlaPolicies policies = new SlaPolicies(new FileSystemResource("seeds/sla/policies.yaml"), ZoneId.of("America/New_York"));
    static final OffsetDateTime fridayAfternoon = OffsetDateTime.parse("2026-11-27T15:00-05:00");

    @Test
    void triageIsDueWithinFourWorkingHours() {
        var dates = policies.datesFor("breach-response", "Task_TriageIncident", name -> null, fridayAfternoon.toInstant()).orElseThrow();
        assertThat(dates.due()).isEqualTo(OffsetDateTime.parse("2026-11-30T11:00-05:00").toInstant());
        assertThat(dates.followUp()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:00-05:00").toInstant());
    }

    @Test
    void containmentDependsOnSeverity() {
        Map<String, Object> high = Map.of("severity", "high");
        var dates = policies.datesFor("breach-response", "Task_ContainIncident", high::get, fridayAfternoon.toInstant()).orElseThrow();
        assertThat(dates.due()).isEqualTo(fridayAfternoon.plusHours(24).toInstant());

        var low = policies.datesFor("breach-response", "Task_ContainIncident", name -> "low", fridayAfternoon.toInstant()).orElseThrow();
        assertThat(low.due()).isEqualTo(OffsetDateTime.parse("2026-12-04T17:00-05:00").toInstant());
    }

    @Test
    void aStepWithoutPolicyKeepsTheDatesOfItsModel() {
        assertThat(policies.datesFor("isms-follow-up", "Task_CompleteFollowUp", name -> null, fridayAfternoon.toInstant())).isEmpty();
    }
}
