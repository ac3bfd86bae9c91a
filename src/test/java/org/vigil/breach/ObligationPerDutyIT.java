package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Two duties to the same recipient in the same jurisdiction (HIPAA's individual notice and its substitute notice;
 * New York's two attorney-general sections) stay two obligations, each with its own rule, deadline and timers,
 * however often the incident is planned again.
 */
@VigilSpringTest
class ObligationPerDutyIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void everyDutyOfThePlanKeepsAnObligationOfItsOwnAcrossReplans() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        var reported = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "Appointment letters posted to old addresses", "discoveredAt": "%s", "affectedEstimate": {"US-NY": 20}}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS)));
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        PlannedBreach.plan(incidentId, "US-NY: 20", runtime, tasks, management);
        // Twelve people are out of reach: the substitute notice joins the individual notice.
        var facts = privacy.postJson("/api/incidents/" + incidentId + "/facts", "{\"contactInfoOutOfDateCount\": 12}");
        assertThat(facts.statusCode()).as(facts.body()).isEqualTo(200);

        List<JsonNode> first = obligations(privacy, incidentId);
        assertThat(rules(first, "individuals", "US")).containsExactlyInAnyOrder("H6", "H8-10-OR-MORE");
        assertThat(rules(first, "state_ag:NY", "US-NY")).containsExactlyInAnyOrder("NY-AG", "NY-AG-HIPAA");
        for (JsonNode obligation : first) {
            assertTimersFollowItsOwnDeadline(obligation);
        }

        for (int replan = 0; replan < 2; replan++) {
            assertThat(privacy.postJson("/api/incidents/" + incidentId + "/replan", "").statusCode()).isEqualTo(200);
        }

        List<JsonNode> after = obligations(privacy, incidentId);
        assertThat(after).hasSameSizeAs(first);
        for (JsonNode before : first) {
            JsonNode same = after.stream().filter(o -> o.path("id").asLong() == before.path("id").asLong()).findFirst().orElseThrow();
            assertThat(same.path("ruleId").asText()).isEqualTo(before.path("ruleId").asText());
            assertThat(same.path("basis").asText()).as("its basis never flips to another duty's").isEqualTo(before.path("basis").asText());
            assertThat(same.path("status").asText()).isEqualTo("OPEN");
            assertTimersFollowItsOwnDeadline(same);
        }
    }

    private void assertTimersFollowItsOwnDeadline(JsonNode obligation) {
        long id = obligation.path("id").asLong();
        String instance = PlannedBreach.obligationProcess(runtime, id);
        var deadlineTimer = management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .filter(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                        .getActivityId().equals(NotificationObligationProcess.BoundaryEvent_DeadlinePassed))
                .findFirst().orElseThrow();
        Instant target = Instant.parse(obligation.path("targetDeadline").asText());
        assertThat(deadlineTimer.getDuedate().toInstant()).as(obligation.path("ruleId").asText() + " deadline timer")
                .isEqualTo(target.truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<String> rules(List<JsonNode> obligations, String recipient, String jurisdiction) {
        return obligations.stream()
                .filter(o -> o.path("recipient").asText().equals(recipient) && o.path("jurisdiction").asText().equals(jurisdiction))
                .map(o -> o.path("ruleId").asText()).toList();
    }

    private static List<JsonNode> obligations(WebClient user, long incidentId) throws Exception {
        var response = user.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        json.readTree(response.body()).path("obligations").forEach(list::add);
        return list;
    }
}
