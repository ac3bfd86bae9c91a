package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Issue 15, point 2: Tasklist's cards tell one task from another. The privacy officer lists the privacy office's
 * shared filter as Tasklist does (engine REST {@code /filter/{id}/list}, HAL): each card carries its context in its
 * name and the filter's variables (incident, whom a notice goes to, jurisdiction), and never the incident's title.
 */
@VigilSpringTest
class TaskCardsIT {

    static final ObjectMapper json = new ObjectMapper();
    static final String TITLE = "Fax with Jane Doe's lab results sent to the wrong clinic";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void thePrivacyOfficesFilterShowsTheIncidentWhomEachNoticeGoesToAndItsJurisdictionOnTheCards() throws Exception {
        long planned = report(TITLE);
        PlannedBreach.plan(planned, "US-TX: 300", runtime, tasks, management);
        long reported = report(TITLE);
        var privacy = new WebClient(port).as("privacy", "demo");

        JsonNode filter = openTasksFilter(privacy, "Privacy office: open tasks");
        assertThat(filter.path("properties").path("variables").findValuesAsText("name"))
                .containsExactly("incidentId", "noticeRecipient", "jurisdiction", "severity");
        assertThat(filter.path("properties").path("variables").findValuesAsText("label"))
                .containsExactly("Incident", "Notice to", "Jurisdiction", "Severity");

        List<String> instances = new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey(NotificationObligationProcess.KEY)
                .variableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), planned).list().stream().map(ProcessInstance::getId).toList());
        assertThat(instances).hasSize(4);
        instances.add(runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(reported))
                .singleResult().getId());
        var response = privacy.postJsonForHal("/engine-rest/filter/" + filter.path("id").asText() + "/list?firstResult=0&maxResults=50",
                json.writeValueAsString(Map.of("processInstanceIdIn", instances)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Jane Doe", "lab results");

        Map<String, Map<String, Object>> cards = new LinkedHashMap<>();
        for (JsonNode task : json.readTree(response.body()).path("_embedded").path("task")) {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (JsonNode variable : task.path("_embedded").path("variable")) {
                JsonNode value = variable.path("value");
                variables.put(variable.path("name").asText(), value.isNumber() ? (Object) value.asLong() : value.asText());
            }
            cards.put(task.path("name").asText(), variables);
        }
        assertThat(cards).hasSize(5);
        assertThat(cards.get("Triage incident " + reported)).isEqualTo(Map.of("incidentId", reported));
        var attorneyGeneral = cards.entrySet().stream()
                .filter(card -> card.getKey().startsWith("Prepare the notice: Texas attorney general, incident " + planned + ", due "))
                .findFirst().orElseThrow(() -> new AssertionError("no card for the Texas attorney general among " + cards.keySet()));
        assertThat(attorneyGeneral.getKey()).matches(".*, due (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}");
        assertThat(attorneyGeneral.getValue())
                .isEqualTo(Map.of("incidentId", planned, "noticeRecipient", "Texas attorney general", "jurisdiction", "US-TX"));
        assertThat(cards.values()).filteredOn(card -> card.containsKey("noticeRecipient"))
                .extracting(card -> card.get("noticeRecipient"))
                .containsExactlyInAnyOrder("individuals in the United States", "individuals in Texas", "HHS", "Texas attorney general");
        cards.forEach((name, variables) -> assertThat(name).contains("incident " + variables.get("incidentId")));
    }

    /** The filter of that name, as its group's member reads it. */
    private static JsonNode openTasksFilter(WebClient member, String name) throws Exception {
        var found = member.get("/engine-rest/filter?resourceType=Task&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode filters = json.readTree(found.body());
        assertThat(filters).as(name).hasSize(1);
        return filters.get(0);
    }

    private long report(String title) throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "%s", "discoveredAt": "%s", "affectedEstimate": {"US-TX": 20}}
                """.formatted(title, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }
}
