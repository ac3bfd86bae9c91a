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
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * The record follows the plan, as the privacy office works it through the REST API: a partial list never drops a
 * duty, a complete one proposes each withdrawal for confirmation, tasks and timers follow a moved deadline, and the
 * clocks run from the report on.
 */
@VigilSpringTest
class PlanChangesIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ObligationRepository obligations;

    @Test
    void aDutyToARegulatorTheMediaOrIndividualsGoesOnlyWhenThePrivacyOfficeConfirms() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = report(Map.of("US-CA", 600, "US-TX", 300), 3);
        PlannedBreach.plan(incidentId, "US-CA: 600, US-TX: 300", runtime, tasks, management);
        var before = inPlan(privacy, incidentId);
        assertThat(before).contains("media/US-CA", "state_ag:TX/US-TX", "state_ag:CA/US-CA");

        // A partial list of fifty Texans: planned again, nothing lowered, nothing to confirm.
        var partial = privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv", PlannedBreach.people(50, 0));
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(200);
        assertThat(inPlan(privacy, incidentId)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(confirmationTask(incidentId)).isNull();

        // The same fifty as the complete list: each duty the plan loses waits, still owed, for the privacy office.
        privacy.post("/api/incidents/" + incidentId + "/affected-individuals?complete=true", "text/csv", PlannedBreach.people(50, 0));
        JsonNode incident = incident(privacy, incidentId);
        List<JsonNode> waiting = new ArrayList<>();
        incident.path("obligations").forEach(o -> {
            if (o.path("withdrawalProposed").asBoolean()) {
                waiting.add(o);
            }
        });
        assertThat(waiting).extracting(o -> o.path("recipient").asText() + "/" + o.path("jurisdiction").asText())
                .contains("media/US-CA", "state_ag:TX/US-TX", "state_ag:CA/US-CA");
        assertThat(waiting).allSatisfy(o -> {
            assertThat(o.path("status").asText()).isEqualTo("OPEN");
            assertThat(o.path("withdrawalReason").asText()).contains("complete list of 50 people uploaded by privacy");
        });
        var task = confirmationTask(incidentId);
        assertThat(task).isNotNull();
        String summary = (String) tasks.getVariableLocal(task.getId(), PlanChangeTaskListener.SUMMARY);
        assertThat(summary).contains("media in California (media, US-CA)").contains("Texas attorney general (state_ag:TX, US-TX)").contains("uploaded by privacy");

        // Staff may not decide; the privacy officer keeps the Texas attorney general and withdraws the rest.
        long texasAg = waiting.stream().filter(o -> o.path("recipient").asText().equals("state_ag:TX")).findFirst().orElseThrow()
                .path("id").asLong();
        assertThat(decide(new WebClient(port).as("staff", "demo"), task.getId(), "withdraw", null).statusCode()).isIn(403, 404);
        var decided = decide(privacy, task.getId(), "choose", "#" + texasAg);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);

        for (JsonNode o : incident(privacy, incidentId).path("obligations")) {
            if (waiting.stream().noneMatch(w -> w.path("id").asLong() == o.path("id").asLong())) {
                continue;
            }
            if (o.path("id").asLong() == texasAg) {
                assertThat(o.path("status").asText()).isEqualTo("OPEN");
                assertThat(o.path("keptBy").asText()).isEqualTo("privacy");
            } else {
                assertThat(o.path("status").asText()).isEqualTo("WITHDRAWN");
                assertThat(o.path("withdrawnBy").asText()).isEqualTo("privacy");
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(NotificationObligationProcess.businessKey(o.path("id").asLong())).count())
                        .isZero();
            }
        }
        assertThat(confirmationTask(incidentId)).isNull();
    }

    @Test
    void aMovedDeadlineMovesItsTaskAndEveryTimerAndARemindersTimeThatHasComeGivesNoReminder() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = report(Map.of("US-TX", 40), 1);
        PlannedBreach.plan(incidentId, "US-TX: 40", runtime, tasks, management);
        var individuals = obligation(incidentId, "H6");
        assertFollowsItsDeadline(individuals);

        // The workforce knew 56 days ago: HIPAA's 60 days run from then (164.404(a)(2)), four days are left.
        var knewAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(56).truncatedTo(ChronoUnit.SECONDS);
        var moved = privacy.postJson("/api/incidents/" + incidentId + "/facts", "{\"firstKnownToWorkforceAt\": \"" + knewAt + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        var after = obligations.findById(individuals.id()).orElseThrow();
        assertThat(after.targetDeadline()).isBefore(individuals.targetDeadline());
        assertFollowsItsDeadline(after);
        // The reminder seven days before the deadline would lie in the past: none is set, the escalation speaks.
        assertThat(after.reminderAt()).isNull();
        Job reminder = timer(after, NotificationObligationProcess.BoundaryEvent_ReminderDue);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(after.targetDeadline().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aWithoutUndueDelayTargetIsSetAtTheFirstPlanAndNeverSlides() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = report(Map.of("EU-DE", 15), 1);
        String breach = breach(incidentId);
        EngineJobs.runAllOf(management, breach);
        var dataSubjects = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(o -> o.recipient().equals("data_subjects")).findFirst().orElseThrow();
        assertThat(dataSubjects.deadline()).as("without undue delay").isNull();
        Instant target = dataSubjects.targetDeadline();

        var replanned = privacy.post("/api/incidents/" + incidentId + "/replan", "application/json", "");
        assertThat(replanned.statusCode()).as(replanned.body()).isEqualTo(200);
        assertThat(obligations.findById(dataSubjects.id()).orElseThrow().targetDeadline()).isEqualTo(target);
    }

    @Test
    void everyClockRunsFromTheReportAndTheAssessmentsPlanTakesOverOrDropsEachProvisionalDutyWithItsReason() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        var discovered = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = report(Map.of("EU-DE", 15, "US-TX", 40), discovered);
        String breach = breach(incidentId);
        EngineJobs.runAllOf(management, breach);

        // Before triage: the German authority's 72 hours are an obligation with its escalation 12 hours before.
        JsonNode provisional = incident(privacy, incidentId);
        JsonNode authority = byRecipient(provisional, "supervisory_authority:DE");
        assertThat(authority).isNotNull();
        assertThat(authority.path("provisional").asBoolean()).isTrue();
        assertThat(Instant.parse(authority.path("targetDeadline").asText())).isEqualTo(discovered.plusHours(72).toInstant());
        var escalation = timer(obligations.findById(authority.path("id").asLong()).orElseThrow(),
                NotificationObligationProcess.BoundaryEvent_EscalationDue);
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(discovered.plusHours(60).toInstant());
        assertThat(byRecipient(provisional, "individuals")).as("HIPAA, worst case: the company a covered entity").isNotNull();

        // The investigation finds only Germans affected and no US role: HIPAA and Texas go, the authority stays.
        PlannedBreach.complete(tasks, breach, PlannedBreach.triage(15));
        PlannedBreach.complete(tasks, breach, Map.of("containedAt", discovered.plusHours(1).toString()));
        PlannedBreach.complete(tasks, breach, Map.of("affectedCounts", "EU-DE: 15", "dataName", true, "dataDiagnosis", true,
                "role", "none", "lawEnforcementForm", "none", "gdprApplies", true, "gdprRole", "controller",
                "gdprRiskLevel", "risk", "gdprMainEstablishment", "DE", "gdprAwarenessAt", discovered.toString()));
        PlannedBreach.complete(tasks, breach, PlannedBreach.riskAssessment());
        EngineJobs.runAllOf(management, breach);

        JsonNode assessed = incident(privacy, incidentId);
        JsonNode same = byRecipient(assessed, "supervisory_authority:DE");
        assertThat(same.path("id").asLong()).as("the same obligation, taken over").isEqualTo(authority.path("id").asLong());
        assertThat(same.path("provisional").asBoolean()).isFalse();
        JsonNode dropped = byRecipient(assessed, "individuals");
        assertThat(dropped.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(dropped.path("withdrawalReason").asText()).startsWith("the assessment's plan does not find this provisional duty");
        assertThat(confirmationTask(incidentId)).as("a guess dropped by the assessment needs no confirmation").isNull();
    }

    // ------------------------------------------------------------------ helpers

    private void assertFollowsItsDeadline(Obligation obligation) {
        String instance = PlannedBreach.obligationProcess(runtime, obligation.id());
        var task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        Instant deadline = obligation.targetDeadline().truncatedTo(ChronoUnit.SECONDS);
        assertThat(task.getDueDate().toInstant()).as("task due").isEqualTo(deadline);
        assertThat(timer(obligation, NotificationObligationProcess.BoundaryEvent_DeadlinePassed).getDuedate().toInstant()).isEqualTo(deadline);
        assertThat(timer(obligation, NotificationObligationProcess.BoundaryEvent_EscalationDue).getDuedate().toInstant())
                .isEqualTo(obligation.escalationAt().truncatedTo(ChronoUnit.SECONDS));
        Instant reminder = obligation.reminderAt() == null ? deadline : obligation.reminderAt().truncatedTo(ChronoUnit.SECONDS);
        assertThat(timer(obligation, NotificationObligationProcess.BoundaryEvent_ReminderDue).getDuedate().toInstant()).isEqualTo(reminder);
        assertThat(task.getFollowUpDate().toInstant()).as("task follow-up").isEqualTo(reminder);
    }

    private Job timer(Obligation obligation, String activity) {
        String instance = PlannedBreach.obligationProcess(runtime, obligation.id());
        return management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .filter(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                        .getActivityId().equals(activity))
                .findFirst().orElseThrow();
    }

    private Obligation obligation(long incidentId, String ruleId) {
        return obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().filter(o -> o.ruleId().equals(ruleId))
                .findFirst().orElseThrow();
    }

    private org.camunda.bpm.engine.task.Task confirmationTask(long incidentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .taskDefinitionKey(BreachResponseProcess.Task_ConfirmPlanChange).singleResult();
    }

    private java.net.http.HttpResponse<String> decide(WebClient user, String taskId, String decision, String keep) throws Exception {
        var body = json.createObjectNode();
        var variables = body.putObject("variables");
        variables.putObject("planChangeDecision").put("value", decision);
        if (keep != null) {
            variables.putObject("keepObligations").put("value", keep);
        }
        return user.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
    }

    private long report(Map<String, Integer> estimate, int daysAgo) throws Exception {
        return report(estimate, OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).truncatedTo(ChronoUnit.SECONDS));
    }

    private long report(Map<String, Integer> estimate, OffsetDateTime discovered) throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", json.writeValueAsString(Map.of(
                "title", "Records exposed", "discoveredAt", discovered.toString(), "dataCategories", List.of("name", "diagnosis"),
                "affectedEstimate", estimate)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private String breach(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .singleResult().getId();
    }

    private static JsonNode incident(WebClient user, long incidentId) throws Exception {
        var response = user.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode byRecipient(JsonNode incident, String recipient) {
        for (JsonNode o : incident.path("obligations")) {
            if (o.path("recipient").asText().equals(recipient)) {
                return o;
            }
        }
        return null;
    }

    private static List<String> inPlan(WebClient user, long incidentId) throws Exception {
        List<String> duties = new ArrayList<>();
        incident(user, incidentId).path("obligations").forEach(o -> {
            if (!o.path("status").asText().equals("WITHDRAWN") && !o.path("withdrawalProposed").asBoolean()) {
                duties.add(o.path("recipient").asText() + "/" + o.path("jurisdiction").asText());
            }
        });
        return duties;
    }
}
