package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.Multipart;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Issue 15, point 3: the breach forms show the record a decision depends on, read from the incident when the form is
 * opened ({@code GET .../task/{id}/form-variables}, as Tasklist reads a form's values) and never kept as a process
 * variable: the report at triage, the estimate as the counts' first value, the systems and evidence so far at
 * containment (without what the reporter wrote), whom a notice goes to, which document it is and when it is due.
 */
@VigilSpringTest
class TaskFormContextIT {

    static final ObjectMapper json = new ObjectMapper();
    static final String TITLE = "Fax with Jane Doe's lab results sent to the wrong clinic";
    static final String DESCRIPTION = "The front desk faxed two pages to a number one digit off.";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;

    @Test
    void triageShowsTheReportContainmentTheSystemsAndEvidenceAndTheCountsStartFromTheEstimate() throws Exception {
        long id = report();
        String breach = breachInstance(id);
        EngineJobs.runAllOf(management, breach);
        var privacy = new WebClient(port).as("privacy", "demo");

        JsonNode triage = formVariables(privacy, task(breach, BreachResponseProcess.Task_TriageIncident));
        assertThat(triage.path("reportTitle").path("value").asText()).isEqualTo(TITLE);
        assertThat(triage.path("reportDescription").path("value").asText()).isEqualTo(DESCRIPTION);
        assertThat(triage.path("reportSystems").path("value").asText()).isEqualTo("fax server, EHR");
        assertThat(triage.path("reportEstimate").path("value").asText()).isEqualTo("US-NY: 5, US-TX: 20");
        assertThat(triage.path("reportDiscoveredAt").path("value").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T");
        assertThat(triage.path("estimatedAffected").path("value").asInt()).as("the estimate, summed, is the field's first value").isEqualTo(25);
        assertThat(runtime.getVariables(breach)).as("the report never becomes a process variable")
                .doesNotContainKeys("reportTitle", "reportDescription").allSatisfy((name, value) -> assertThat(String.valueOf(value)).doesNotContain("Jane Doe"));

        // The triage completes with what its form submits, the estimate confirmed as shown.
        assertThat(privacy.postJson("/engine-rest/task/" + task(breach, BreachResponseProcess.Task_TriageIncident).getId() + "/complete",
                json.writeValueAsString(java.util.Map.of("variables", java.util.Map.of(
                        "patientDataInvolved", value(true), "patientCareAffected", value(false), "medicalDeviceInvolved", value(false),
                        "insiderSuspected", value(false), "estimatedAffected", value(25))))).statusCode()).isEqualTo(204);

        // IT operations contain it: the systems and the evidence so far, not what the reporter wrote.
        var sysadmin = new WebClient(port).as("sysadmin", "demo");
        Task containment = task(breach, BreachResponseProcess.Task_ContainIncident);
        JsonNode contain = formVariables(sysadmin, containment);
        assertThat(contain.path("reportSystems").path("value").asText()).isEqualTo("fax server, EHR");
        assertThat(contain.path("evidenceSoFar").path("value").asText()).isEqualTo("none yet");
        assertThat(contain.has("reportTitle")).isFalse();
        assertThat(contain.toString()).doesNotContain("Jane Doe");
        var form = new Multipart().file("file", "fax-log.txt", "text/plain", "14:02 sent to 555-0199".getBytes(StandardCharsets.UTF_8));
        var attached = sysadmin.post("/api/incidents/" + id + "/evidence", form.contentType(), new String(form.bytes(), StandardCharsets.UTF_8));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(formVariables(sysadmin, containment).path("evidenceSoFar").path("value").asText()).isEqualTo("1 file: fax-log.txt");

        String containedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        var contained = sysadmin.postJson("/engine-rest/task/" + containment.getId() + "/complete", json.writeValueAsString(java.util.Map.of(
                "variables", java.util.Map.of("containedAt", value(containedAt), "phiContainmentSummary", value("Fax line blocked; clinic asked to shred")))));
        assertThat(contained.statusCode()).as(contained.body()).isEqualTo(204);
        assertThat(incidents.require(id).containmentSummary()).isEqualTo("Fax line blocked; clinic asked to shred");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(breach).variableName("phiContainmentSummary").count())
                .as("the summary, free text, is kept with the incident only").isZero();

        // The investigation's counts start from the reporter's estimate, its date of the breach from the report's.
        Task investigate = task(breach, BreachResponseProcess.Task_InvestigateIncident);
        JsonNode investigation = formVariables(privacy, investigate);
        assertThat(investigation.path("affectedCounts").path("value").asText()).isEqualTo("US-NY: 5\nUS-TX: 20");
        assertThat(java.time.OffsetDateTime.parse(investigation.path("occurredAt").path("value").asText()).toInstant())
                .isEqualTo(incidents.require(id).occurredAt().truncatedTo(ChronoUnit.MINUTES));

        // The investigation may correct when it happened: the notices' date of the breach; never after the discovery.
        var facts = new java.util.HashMap<String, Object>(java.util.Map.of("affectedCounts", value("US-NY: 5\nUS-TX: 20"),
                "role", value("covered_entity"), "lawEnforcementForm", value("none")));
        facts.put("occurredAt", value(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString()));
        var refused = privacy.postJson("/engine-rest/task/" + investigate.getId() + "/complete", json.writeValueAsString(java.util.Map.of("variables", facts)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Field 'When it happened (if known)' (occurredAt) must not lie in the future");
        String dayBefore = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        facts.put("occurredAt", value(dayBefore));
        var investigated = privacy.postJson("/engine-rest/task/" + investigate.getId() + "/complete", json.writeValueAsString(java.util.Map.of("variables", facts)));
        assertThat(investigated.statusCode()).as(investigated.body()).isEqualTo(204);
        assertThat(incidents.require(id).occurredAt()).isEqualTo(OffsetDateTime.parse(dayBefore).toInstant());
    }

    @Test
    void aNoticeFormSaysWhomItGoesToWhichDocumentAndWhenItIsDue() throws Exception {
        long id = report();
        PlannedBreach.plan(id, "US-TX: 600", runtime, tasks, management);
        var hhs = obligations.findByIncidentIdOrderByTargetDeadline(id).stream().filter(o -> o.recipient().startsWith("hhs")).findFirst().orElseThrow();
        String notice = PlannedBreach.obligationProcess(runtime, hhs.id());

        JsonNode prepare = formVariables(new WebClient(port).as("privacy", "demo"), task(notice, NotificationObligationProcess.Task_PrepareNotice));
        assertThat(prepare.path("noticeRecipientName").path("value").asText()).isEqualTo("HHS");
        assertThat(prepare.path("noticeKind").path("value").asText()).isEqualTo("HHS_REPORT");
        assertThat(prepare.path("noticeDocument").path("value").asText()).isEqualTo("HHS breach report");
        assertThat(prepare.path("noticeDue").path("value").asText()).matches("\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T");
        assertThat(runtime.getVariables(notice)).doesNotContainKeys("noticeKind", "noticeDue");
    }

    private long report() throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", json.writeValueAsString(java.util.Map.of(
                "title", TITLE, "description", DESCRIPTION, "systemsInvolved", java.util.List.of("fax server", "EHR"),
                "discoveredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString(),
                "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS).toString(),
                "affectedEstimate", java.util.Map.of("US-TX", 20, "US-NY", 5))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private String breachInstance(long id) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(id)).singleResult().getId();
    }

    private Task task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private static JsonNode formVariables(WebClient user, Task task) throws Exception {
        var response = user.get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static java.util.Map<String, Object> value(Object value) {
        return java.util.Map.of("value", value);
    }
}
