package org.vigil.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** POST /api/notification-plans on the running application, as PLAN-API.md describes it. */
@VigilSpringTest
class NotificationPlanApiIT {

    static final String EXAMPLE = """
            {"discoveredAt": "2026-03-02T10:15:00-06:00", "firstKnownToWorkforceAt": null,
             "entityTimezone": "America/Chicago", "role": "covered_entity",
             "affectedCounts": {"US-TX": 300, "EU-DE": 5},
             "dataElements": ["name", "ssn", "date_of_birth", "diagnosis", "health_insurance_id"],
             "contactInfoOutOfDateCount": 0, "lawEnforcementDelay": null, "encryptedNistSafeHarbor": false,
             "encryptionKeyCompromised": false, "riskAssessmentConclusion": "not_low_probability",
             "hipaaBreachException": null, "stateDeterminationAt": null, "businessAssociate": null, "gdpr": null,
             "entityFlags": [], "sentNotices": []}""";

    @LocalServerPort int port;

    @Test
    void anyDemoUserGetsThePlanOfThePlanApiExample() throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/notification-plans", EXAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        var plan = new ObjectMapper().readTree(response.body());
        assertThat(plan.get("breachNotificationsRequired").asBoolean()).isTrue();
        assertThat(plan.get("catalogVersion").asText()).isEqualTo("2026-12-01");
        assertThat(plan.get("notifications").findValuesAsText("recipient")).contains("individuals", "state_ag:TX");
        var texas = plan.get("notifications").findParents("recipient").stream()
                .filter(notice -> notice.get("recipient").asText().equals("state_ag:TX")).findFirst().orElseThrow();
        assertThat(texas.get("deadline").asText()).isEqualTo("2026-04-01T23:59:59-05:00");
        assertThat(texas.get("deadlineUtc").asText()).isEqualTo("2026-04-02T04:59:59Z");
        assertThat(plan.get("notRequired").findValuesAsText("recipient")).contains("media");
    }

    @Test
    void badInputIs400NamingTheFieldAndNoLoginIs401() throws Exception {
        var bad = new WebClient(port).as("staff", "demo").postJson("/api/notification-plans",
                EXAMPLE.replace("America/Chicago", "Mars/Olympus"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(bad.body()).contains("entityTimezone").doesNotContain("Exception");

        assertThat(new WebClient(port).postJson("/api/notification-plans", EXAMPLE).statusCode()).isEqualTo(401);
    }
}
