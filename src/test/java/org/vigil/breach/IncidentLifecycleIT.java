package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * An incident from {@code POST /api/incidents} to closure through the REST APIs on MariaDB, each step completed by
 * the demo user of its group (what Tasklist does); the engine's own jobs (planning, settling, closing) run as the job
 * executor would.
 */
@VigilSpringTest
class IncidentLifecycleIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void aBreachOfFortyTexansGoesFromReportToClosureWithEveryNoticeSentAndItsBasisKept() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        var sysadmin = new WebClient(port).as("sysadmin", "demo");
        var reported = sysadmin.postJson("/api/incidents", """
                {"externalReference": "SIEM-LIFECYCLE-%d", "title": "Misdirected lab results",
                 "description": "Results for patients of the east clinic e-mailed to a wrong address",
                 "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 40}}"""
                .formatted(System.nanoTime(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS),
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(reported.statusCode()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        String breach = runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId)).singleResult().getId();

        complete(privacy, breach, Map.of("patientDataInvolved", true, "patientCareAffected", false, "medicalDeviceInvolved", false,
                "insiderSuspected", false, "estimatedAffected", 40));
        assertThat(status(privacy, incidentId)).isEqualTo("TRIAGED");
        // Containment belongs to IT operations: the privacy officer cannot complete it.
        assertThat(completeResponse(privacy, breach, Map.of("containedAt", now())).statusCode()).isNotEqualTo(204);
        complete(sysadmin, breach, Map.of("containedAt", now(), "actIsolated", true));
        complete(privacy, breach, Map.of("affectedCounts", "US-TX: 40", "dataName", true, "dataDiagnosis", true,
                "role", "covered_entity", "lawEnforcementForm", "none"));
        var risk = new HashMap<String, Object>(Map.of("hipaaException", "none", "riskConclusion", "not_low_probability"));
        for (String factor : RiskAssessmentTaskListener.FACTORS) {
            risk.put(factor, "medium");
            risk.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        complete(privacy, breach, risk);
        runJobs(breach);

        assertThat(status(privacy, incidentId)).isEqualTo("NOTIFYING");
        JsonNode planned = incident(privacy, incidentId).path("obligations");
        assertThat(planned.size()).isGreaterThanOrEqualTo(3);
        planned.forEach(obligation -> {
            assertThat(obligation.path("basis").asText()).isNotBlank();
            assertThat(obligation.path("targetDeadline").asText()).isNotBlank();
        });
        // The company's own patients (covered entity): no agreement of the register applies.
        assertThat(planned.findValuesAsText("recipient")).contains("individuals", "hhs").noneMatch(recipient -> recipient.startsWith("counterparty:"));

        // Every notice prepared, approved and sent; a dispatch may plan more, so until none is left open.
        for (int round = 0; round < 5; round++) {
            var open = tasks.createTaskQuery().processVariableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId)
                    .processDefinitionKey(NotificationObligationProcess.KEY).list();
            if (open.isEmpty()) {
                break;
            }
            for (var task : open) {
                String notice = task.getProcessInstanceId();
                complete(privacy, notice, Map.of("phiNoticeWhatHappened", "Lab results were e-mailed to a wrong address.",
                        "phiNoticeSteps", "Tell us if you receive mail about results that are not yours.",
                        "phiNoticeWhatWeAreDoing", "We retrained staff and added an address check.", "noticeBreachType", "Unauthorized Access/Disclosure",
                        "noticeBreachLocation", "Email", "phiNoticeSafeguards", "Address book with confirmations"));
                complete(privacy, notice, Map.of("noticeApproved", true));
                complete(privacy, notice, Map.of("sentAt", now(), "channel", "first_class_mail", "proof", "USPS-" + task.getId()));
                runJobs(notice);
            }
        }
        JsonNode sent = incident(privacy, incidentId).path("obligations");
        sent.forEach(obligation -> assertThat(obligation.path("status").asText()).isIn("SENT", "SENT_LATE"));
        assertThat(sent.findValuesAsText("proof")).allMatch(proof -> proof.startsWith("USPS-"));
        runJobs(breach);

        assertThat(tasks.createTaskQuery().processInstanceId(breach).singleResult().getTaskDefinitionKey())
                .isEqualTo(BreachResponseProcess.Task_ReviewPostIncident);
        complete(privacy, breach, Map.of("phiLessonsLearned", "Confirm addresses", "phiCorrectiveActions", "privacy-office | 2026-12-31 | address check"));
        runJobs(breach);

        JsonNode closed = incident(privacy, incidentId);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("retainUntil").asText()).isNotBlank();
        assertThat(new WebClient(port).as("staff", "demo").get("/api/incidents/" + incidentId).statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).as("auditor", "demo").get("/api/incidents/" + incidentId).statusCode()).isEqualTo(200);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static JsonNode incident(WebClient user, long incidentId) throws Exception {
        var response = user.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String status(WebClient user, long incidentId) throws Exception {
        return incident(user, incidentId).path("status").asText();
    }

    /** The engine's own work: asynchronous continuations, as the job executor (off in tests) would run them. */
    private void runJobs(String processInstanceId) {
        EngineJobs.runAllOf(management, processInstanceId);
    }

    private void complete(WebClient user, String processInstanceId, Map<String, Object> variables) throws Exception {
        var response = completeResponse(user, processInstanceId, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private java.net.http.HttpResponse<String> completeResponse(WebClient user, String processInstanceId, Map<String, Object> variables) throws Exception {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        var body = json.createObjectNode();
        var values = body.putObject("variables");
        variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
        return user.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
    }
}
