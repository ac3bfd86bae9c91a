package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.vigil.WebClient;

/**
 * Takes a breach of a few Texans from its report to its notices and its closure the way the demo users do it: the
 * report through Vigil's API, every task completed through the engine REST API (what Tasklist does), the engine's
 * own jobs run as the job executor (off in tests) would run them. The engine is only read, to find the task ids.
 */
final class BreachThroughRest {

    static final ObjectMapper json = new ObjectMapper();

    final WebClient privacy;
    final WebClient sysadmin;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    BreachThroughRest(int port, RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.privacy = new WebClient(port).as("privacy", "demo");
        this.sysadmin = new WebClient(port).as("sysadmin", "demo");
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Reported by IT operations two days ago, planned provisionally; the process waits at the triage. */
    long reported(String title) throws Exception {
        var reported = sysadmin.postJson("/api/incidents", """
                {"externalReference": "SIEM-%d", "title": "%s", "occurredAt": "%s", "discoveredAt": "%s",
                 "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 40}}"""
                .formatted(System.nanoTime(), title, now().minusDays(3), now().minusDays(2)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        // The provisional plan, which the job executor makes right after the report.
        runJobs(breachInstance(incidentId));
        return incidentId;
    }

    /** Triaged, contained and investigated; the process waits at the risk assessment. */
    long investigated(String title) throws Exception {
        long incidentId = reported(title);
        String breach = breachInstance(incidentId);
        complete(privacy, breach, Map.of("patientDataInvolved", true, "patientCareAffected", false, "medicalDeviceInvolved", false,
                "insiderSuspected", false, "estimatedAffected", 40));
        complete(sysadmin, breach, Map.of("containedAt", now().minusDays(1).toString()));
        complete(privacy, breach, investigation("US-TX: 40"));
        return incidentId;
    }

    /** Assessed and planned: every obligation waits at "Prepare the notice". */
    long planned(String title) throws Exception {
        long incidentId = investigated(title);
        String breach = breachInstance(incidentId);
        var risk = new HashMap<String, Object>(Map.of("hipaaException", "none", "riskConclusion", "not_low_probability"));
        for (String factor : RiskAssessmentTaskListener.FACTORS) {
            risk.put(factor, "medium");
            risk.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        complete(privacy, breach, risk);
        runJobs(breach);
        return incidentId;
    }

    /** Every notice prepared, approved and sent by first-class mail; the process waits at the review. */
    long notified(String title) throws Exception {
        long incidentId = planned(title);
        sendEveryNotice(incidentId);
        runJobs(breachInstance(incidentId));
        return incidentId;
    }

    /** Reviewed and closed. */
    long closed(String title) throws Exception {
        long incidentId = notified(title);
        review(incidentId);
        assertThat(incident(incidentId).path("status").asText()).isEqualTo("CLOSED");
        return incidentId;
    }

    /** Completes the post-incident review; the closure runs. */
    void review(long incidentId) throws Exception {
        String breach = breachInstance(incidentId);
        assertThat(tasks.createTaskQuery().processInstanceId(breach).singleResult().getTaskDefinitionKey())
                .isEqualTo(BreachResponseProcess.Task_ReviewPostIncident);
        complete(privacy, breach, Map.of("phiLessonsLearned", "Confirm addresses", "phiCorrectiveActions", "privacy-office | 2026-12-31 | address check"));
        runJobs(breach);
    }

    /** A dispatch may plan more notices, so until none is left open. */
    void sendEveryNotice(long incidentId) throws Exception {
        for (int round = 0; round < 5; round++) {
            var open = tasks.createTaskQuery().processVariableValueEquals(BreachResponseProcess.INCIDENT_ID, incidentId)
                    .processDefinitionKey(NotificationObligationProcess.KEY).taskDefinitionKey(NotificationObligationProcess.Task_PrepareNotice).list();
            if (open.isEmpty()) {
                return;
            }
            for (var task : open) {
                String notice = task.getProcessInstanceId();
                prepareAndApprove(notice);
                dispatch(notice, Map.of("sentAt", now().minusMinutes(1).toString(), "channel", "first_class_mail", "proof", "USPS-" + task.getId()));
                runJobs(notice);
            }
        }
    }

    void prepareAndApprove(String notice) throws Exception {
        completeAt(privacy, notice, NotificationObligationProcess.Task_PrepareNotice, Map.of("phiNoticeWhatHappened", "Lab results were e-mailed to a wrong address.",
                "phiNoticeSteps", "Tell us if you receive mail about results that are not yours.",
                "phiNoticeWhatWeAreDoing", "We retrained staff and added an address check.", "noticeBreachType", "Unauthorized Access/Disclosure",
                "noticeBreachLocation", "Email", "phiNoticeSafeguards", "Address book with confirmations"));
        completeAt(privacy, notice, NotificationObligationProcess.Task_ApproveNotice, Map.of("noticeApproved", true));
    }

    void dispatch(String notice, Map<String, Object> variables) throws Exception {
        completeAt(privacy, notice, NotificationObligationProcess.Task_RecordDispatch, variables);
    }

    static Map<String, Object> investigation(String counts) {
        return Map.of("affectedCounts", counts, "dataName", true, "dataDiagnosis", true, "role", "covered_entity", "lawEnforcementForm", "none");
    }

    JsonNode incident(long incidentId) throws Exception {
        var response = privacy.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    String breachInstance(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .processDefinitionKey(BreachResponseProcess.KEY).singleResult().getId();
    }

    String obligationInstance(long obligationId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("obligation-" + obligationId).singleResult().getId();
    }

    /** The engine's own work: asynchronous continuations, as the job executor would run them. */
    void runJobs(String processInstanceId) {
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
            management.executeJob(job.getId());
        }
    }

    void complete(WebClient user, String processInstanceId, Map<String, Object> variables) throws Exception {
        var response = completeResponse(user, processInstanceId, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** The task of that step: a notice's process may hold a missed deadline's follow-up beside it. */
    void completeAt(WebClient user, String processInstanceId, String taskKey, Map<String, Object> variables) throws Exception {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult().getId();
        var response = completeTask(user, taskId, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    HttpResponse<String> completeResponse(WebClient user, String processInstanceId, Map<String, Object> variables) throws Exception {
        return completeTask(user, tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(), variables);
    }

    HttpResponse<String> completeTask(WebClient user, String taskId, Map<String, Object> variables) throws Exception {
        var body = json.createObjectNode();
        var values = body.putObject("variables");
        variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
        return user.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
