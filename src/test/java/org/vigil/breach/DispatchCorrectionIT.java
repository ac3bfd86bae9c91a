package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Issue 13, point 4: a recorded dispatch is never rewritten. A second completion of "Record the dispatch" is refused;
 * the privacy office appends a correction with who, when and why, and the obligation shows the original and every
 * correction.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class DispatchCorrectionIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    BreachThroughRest breach;

    @BeforeEach
    void demoUsers(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aSecondCompletionOfTheDispatchIsRefusedAndACorrectionIsAppendedBesideTheOriginal() throws Exception {
        long incidentId = breach.planned("Dispatch corrected");
        String notice = tasks.createTaskQuery().processVariableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId)
                .processDefinitionKey(NotificationObligationProcess.KEY).list().get(0).getProcessInstanceId();
        long obligationId = NotificationObligationVariables.OBLIGATION_ID.from(runtime.getVariables(notice));
        String sentAt = BreachThroughRest.now().minusHours(2).toString();
        breach.prepareAndApprove(notice);
        breach.dispatch(notice, Map.of("sentAt", sentAt, "channel", "first_class_mail", "proof", "USPS 9400 1000"));
        JsonNode recorded = obligation(incidentId, obligationId);

        // An administrator puts "Record the dispatch" back (Cockpit's modification), and it is completed once more.
        var modified = new WebClient(port).as("admin", "demo").postJson("/engine-rest/process-instance/" + notice + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "%s"}]}""".formatted(NotificationObligationProcess.Task_RecordDispatch));
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);
        var again = breach.completeResponse(breach.privacy, notice, Map.of("sentAt", BreachThroughRest.now().minusMinutes(3).toString(),
                "channel", "email", "proof", "Rewritten"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(400);
        assertThat(json.readTree(again.body()).path("message").asText()).contains("already recorded", "dispatch-corrections");
        assertThat(obligation(incidentId, obligationId)).isEqualTo(recorded);

        // The correction: the privacy office only, with a reason and a channel of the form's list.
        String corrections = "/api/obligations/" + obligationId + "/dispatch-corrections";
        assertThat(new WebClient(port).as("staff", "demo").postJson(corrections, "{\"reason\": \"x\", \"channel\": \"email\"}").statusCode())
                .isEqualTo(403);
        FactsAtTheEdgeIT.assertRefused(breach.privacy.postJson(corrections, "{\"reason\": \"By bird\", \"channel\": \"carrier_pigeon\"}"),
                "channel", "Channel");
        FactsAtTheEdgeIT.assertRefused(breach.privacy.postJson(corrections, "{\"channel\": \"email\"}"), "reason", null);
        FactsAtTheEdgeIT.assertRefused(breach.privacy.postJson(corrections, "{\"reason\": \"Later\", \"sentAt\": \"%s\"}"
                .formatted(BreachThroughRest.now().plusDays(1))), "sentAt", "Sent at");

        String actuallySent = BreachThroughRest.now().minusHours(1).toString();
        var corrected = breach.privacy.postJson(corrections, """
                {"reason": "The print house mailed it an hour later than we recorded", "sentAt": "%s", "proof": "USPS 9400 1001"}"""
                .formatted(actuallySent));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.headers().firstValue("Location").orElse("")).startsWith(corrections + "/");

        JsonNode shown = obligation(incidentId, obligationId);
        assertThat(shown.path("sentAt").asText()).isEqualTo(recorded.path("sentAt").asText());
        assertThat(shown.path("channel").asText()).isEqualTo("first_class_mail");
        assertThat(shown.path("proof").asText()).isEqualTo(recorded.path("proof").asText());
        JsonNode correction = shown.path("corrections").get(0);
        assertThat(shown.path("corrections").size()).isEqualTo(1);
        assertThat(correction.path("correctedBy").asText()).isEqualTo("privacy");
        assertThat(correction.path("correctedAt").asText()).isNotBlank();
        assertThat(correction.path("reason").asText()).isEqualTo("The print house mailed it an hour later than we recorded");
        assertThat(java.time.Instant.parse(correction.path("sentAt").asText())).isEqualTo(java.time.OffsetDateTime.parse(actuallySent).toInstant());
        // What the correction leaves out stays as it stood.
        assertThat(correction.path("channel").asText()).isEqualTo("first_class_mail");
        assertThat(correction.path("proof").asText()).isEqualTo("USPS 9400 1001");

        var second = breach.privacy.postJson(corrections, "{\"reason\": \"It went by e-mail after all\", \"channel\": \"email\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode twice = obligation(incidentId, obligationId);
        assertThat(twice.path("corrections").size()).isEqualTo(2);
        assertThat(twice.path("corrections").get(0)).isEqualTo(correction);
        assertThat(twice.path("corrections").get(1).path("channel").asText()).isEqualTo("email");
        assertThat(twice.path("corrections").get(1).path("proof").asText()).isEqualTo("USPS 9400 1001");
        assertThat(twice.path("channel").asText()).isEqualTo("first_class_mail");
    }

    @Test
    void anObligationNotYetSentHasNoDispatchToCorrect() throws Exception {
        long incidentId = breach.planned("Nothing sent yet");
        long obligationId = breach.incident(incidentId).path("obligations").get(0).path("id").asLong();

        var early = breach.privacy.postJson("/api/obligations/" + obligationId + "/dispatch-corrections",
                "{\"reason\": \"Too early\", \"channel\": \"email\"}");

        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(breach.privacy.postJson("/api/obligations/987654321/dispatch-corrections",
                "{\"reason\": \"None\", \"channel\": \"email\"}").statusCode()).isEqualTo(404);
    }

    private JsonNode obligation(long incidentId, long obligationId) throws Exception {
        for (JsonNode obligation : breach.incident(incidentId).path("obligations")) {
            if (obligation.path("id").asLong() == obligationId) {
                return obligation;
            }
        }
        throw new AssertionError("No obligation " + obligationId);
    }
}
