package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Issue 13, point 8 (and point 2's unknown fields): a discovery in the future, a channel outside the form's list, a
 * count of 1.5 are refused with 400 naming the field and its label, on every way in, instead of being stored (or
 * stored cut down to 1).
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class FactsAtTheEdgeIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired IncidentRepository incidentRows;
    BreachThroughRest breach;

    @BeforeEach
    void demoUsers(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aReportDiscoveredOrOccurringInTheFutureOrOccurringAfterItsDiscoveryIs400NamingTheField() throws Exception {
        var siem = new WebClient(port).as("sysadmin", "demo");
        String tomorrow = BreachThroughRest.now().plusDays(1).toString();
        String yesterday = BreachThroughRest.now().minusDays(1).toString();
        String lastWeek = BreachThroughRest.now().minusDays(7).toString();

        assertRefused(siem.postJson("/api/incidents", report(null, tomorrow)), "discoveredAt", "When it was discovered");
        assertRefused(siem.postJson("/api/incidents", report(tomorrow, yesterday)), "occurredAt", "When it happened");
        assertRefused(siem.postJson("/api/incidents", report(yesterday, lastWeek)), "occurredAt", "When it happened");

        assertThat(siem.postJson("/api/incidents", report(lastWeek, yesterday)).statusCode()).isEqualTo(201);
    }

    @Test
    void theReportFormInTasklistRefusesADiscoveryInTheFutureByItsLabel() throws Exception {
        var staff = new WebClient(port).as("staff", "demo");
        long before = incidentRows.count();

        var future = staff.postJson("/engine-rest/process-definition/key/breach-response/submit-form", """
                {"variables": {"phiTitle": {"value": "Laptop stolen tomorrow"}, "discoveredAt": {"value": "%s"}}}"""
                .formatted(BreachThroughRest.now().plusDays(2)));

        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(json.readTree(future.body()).path("message").asText()).contains("When it was discovered", "discoveredAt", "future");
        assertThat(incidentRows.count()).isEqualTo(before);
    }

    @Test
    void factsTakeWholeCountsAndPastDatesAndNameAnUnknownField() throws Exception {
        long incidentId = breach.planned("Facts checked at the edge");
        var privacy = breach.privacy;
        String facts = "/api/incidents/" + incidentId + "/facts";

        assertRefused(privacy.postJson(facts, "{\"affectedCounts\": {\"US-TX\": 1.5}}"), "affectedCounts", "People affected per jurisdiction");
        assertRefused(privacy.postJson(facts, "{\"contactInfoOutOfDateCount\": 2.5}"), "contactInfoOutOfDateCount",
                "People whose contact information is out of date");
        assertRefused(privacy.postJson(facts, "{\"determinationAt\": \"%s\"}".formatted(BreachThroughRest.now().plusDays(3))),
                "determinationAt", "When it was determined that a breach occurred");
        assertRefused(privacy.postJson(facts, "{\"firstKnownToWorkforceAt\": \"%s\"}".formatted(BreachThroughRest.now().plusDays(3))),
                "firstKnownToWorkforceAt", "First known to any workforce member or agent");
        var misspelt = privacy.postJson(facts, "{\"affectedCount\": {\"US-TX\": 300}}");
        assertRefused(misspelt, "affectedCount", null);
        assertThat(json.readTree(misspelt.body()).path("detail").asText()).contains("affectedCounts");

        // None of them changed the facts: the plan still counts the 40 of the investigation.
        assertThat(storedFacts(incidentId).path("affectedCounts").path("US-TX").asInt()).isEqualTo(40);
        assertThat(storedFacts(incidentId).path("contactInfoOutOfDateCount").asInt()).isZero();
        var whole = privacy.postJson(facts, "{\"affectedCounts\": {\"US-TX\": 41}, \"contactInfoOutOfDateCount\": 2}");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        assertThat(storedFacts(incidentId).path("affectedCounts").path("US-TX").asInt()).isEqualTo(41);
        // A correction of the facts is no new investigation: the incident stays where it was.
        assertThat(breach.incident(incidentId).path("status").asText()).isEqualTo("NOTIFYING");
    }

    @Test
    void theInvestigationFormRefusesAFractionalCountAndADateInTheFutureByTheirLabels() throws Exception {
        long incidentId = breach.reported("Investigation checked at the edge");
        String instance = breach.breachInstance(incidentId);
        breach.complete(breach.privacy, instance, Map.of("patientDataInvolved", true, "estimatedAffected", 40));
        breach.complete(breach.sysadmin, instance, Map.of("containedAt", BreachThroughRest.now().minusDays(1).toString()));

        var fraction = breach.completeResponse(breach.privacy, instance, Map.of("affectedCounts", "US-TX: 40", "role", "covered_entity",
                "contactInfoOutOfDateCount", 1.5));
        assertThat(fraction.statusCode()).as(fraction.body()).isEqualTo(400);
        assertThat(json.readTree(fraction.body()).path("message").asText())
                .contains("People whose contact information is out of date", "contactInfoOutOfDateCount", "whole number");

        var future = breach.completeResponse(breach.privacy, instance, Map.of("affectedCounts", "US-TX: 40", "role", "covered_entity",
                "determinationAt", BreachThroughRest.now().plusDays(5).toString()));
        assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
        assertThat(json.readTree(future.body()).path("message").asText())
                .contains("When it was determined that a breach occurred", "determinationAt", "future");

        assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
                .isEqualTo(BreachResponseProcess.Task_InvestigateIncident);
    }

    @Test
    void aDispatchByCarrierPigeonIsRefusedWhateverPathCompletesTheTask() throws Exception {
        long incidentId = breach.planned("Dispatch checked at the edge");
        var task = tasks.createTaskQuery().processVariableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId)
                .processDefinitionKey(NotificationObligationProcess.KEY).list().get(0);
        String notice = task.getProcessInstanceId();
        breach.prepareAndApprove(notice);
        String dispatch = tasks.createTaskQuery().processInstanceId(notice).singleResult().getId();
        Map<String, Object> pigeon = Map.of("sentAt", BreachThroughRest.now().minusMinutes(5).toString(), "channel", "carrier_pigeon",
                "proof", "Ring 7");

        // Through the engine REST API, as Tasklist does.
        var byRest = breach.completeResponse(breach.privacy, notice, pigeon);
        assertThat(byRest.statusCode()).as(byRest.body()).isEqualTo(400);
        assertThat(json.readTree(byRest.body()).path("message").asText()).contains("Channel", "channel");
        // Through the Java API, which the engine's form guard does not see.
        assertThatThrownBy(() -> tasks.complete(dispatch, pigeon)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Channel").hasMessageContaining("channel").hasMessageContaining("first_class_mail");

        assertThat(tasks.createTaskQuery().taskId(dispatch).singleResult()).isNotNull();
        assertThat(breach.incident(incidentId).path("obligations").findValuesAsText("channel")).doesNotContain("carrier_pigeon");
    }

    private JsonNode storedFacts(long incidentId) throws Exception {
        return json.readTree(incidentRows.findById(incidentId).orElseThrow().facts());
    }

    private static String report(String occurredAt, String discoveredAt) {
        return """
                {"title": "Stolen laptop", "occurredAt": %s, "discoveredAt": "%s", "affectedEstimate": {"US-TX": 3}}"""
                .formatted(occurredAt == null ? "null" : "\"" + occurredAt + "\"", discoveredAt);
    }

    static void assertRefused(HttpResponse<String> response, String field, String label) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        if (label != null) {
            assertThat(problem.path("detail").asText()).contains(label);
        }
    }
}
