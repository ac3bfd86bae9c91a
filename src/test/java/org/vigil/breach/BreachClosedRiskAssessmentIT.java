package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.risk.RiskAssessmentProcess;

/**
 * Issue 20, trigger: a real incident closed at critical severity (patient care affected) starts a risk assessment
 * recorded as {@code breach-closed}, {@code incident:<id>}, which waits for the CISO to scope it among the PHI assets;
 * an exercise closed at the same severity starts nothing. Both driven to closure as the breach ITs do.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class BreachClosedRiskAssessmentIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    BreachThroughRest breach;

    @BeforeEach
    void demoUsers(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aCriticalBreachClosedStartsARiskAssessmentAndAnExerciseClosedAtCriticalNothing() throws Exception {
        var ciso = new WebClient(port).as("ciso", "demo");

        // An exercise on the ransomware scenario, patient care affected: critical, closed after its review.
        var started = ciso.postJson("/api/exercises", "{\"scenario\": \"ransomware-ehr-integration\", \"participants\": [\"privacy\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long exercise = json.readTree(started.body()).path("incidentId").asLong();
        String exerciseBreach = breach.breachInstance(exercise);
        breach.runJobs(exerciseBreach);
        complete(exerciseBreach, critical());
        // The CISO's alert of a critical triage runs as the engine's job.
        breach.runJobs(exerciseBreach);
        complete(exerciseBreach, Map.of("containedAt", BreachThroughRest.now().minusMinutes(1).toString()));
        complete(exerciseBreach, noPatientData());
        breach.runJobs(exerciseBreach);
        breach.review(exercise);
        JsonNode exerciseClosed = breach.incident(exercise);
        assertThat(exerciseClosed.path("exercise").asBoolean()).isTrue();
        assertThat(exerciseClosed.path("severity").asText()).isEqualTo("critical");
        assertThat(exerciseClosed.path("status").asText()).isEqualTo("CLOSED");

        // A real one: reported by IT operations, the EHR down for the clinics (critical), contained, investigated, reviewed, closed.
        long incident = breach.reported("Ransomware on the EHR integration engine");
        String real = breach.breachInstance(incident);
        breach.complete(breach.privacy, real, critical());
        breach.runJobs(real);
        breach.complete(breach.sysadmin, real, Map.of("containedAt", BreachThroughRest.now().minusMinutes(1).toString()));
        breach.complete(breach.privacy, real, noPatientData());
        breach.runJobs(real);
        breach.review(incident);
        JsonNode closed = breach.incident(incident);
        assertThat(closed.path("severity").asText()).isEqualTo("critical");
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");

        // The closure's event starts the assessment after the commit, recorded with the incident; the CISO scopes it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !triggered(ciso, "incident:" + incident).isEmpty());
        List<JsonNode> assessments = triggered(ciso, "incident:" + incident);
        assertThat(assessments).hasSize(1);
        JsonNode assessment = assessments.get(0);
        assertThat(assessment.path("kind").asText()).isEqualTo("triggered");
        assertThat(assessment.path("triggerType").asText()).isEqualTo("breach-closed");
        assertThat(assessment.path("startedBy").asText()).isEqualTo("vigil");
        String instance = assessment.path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, RiskAssessmentProcess.Task_OpenAssessment);
        var scope = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(scope.getTaskDefinitionKey()).isEqualTo(RiskAssessmentProcess.Task_ConfirmScope);
        assertThat(tasks.createTaskQuery().taskId(scope.getId()).taskCandidateGroup("ciso").count()).isOne();
        // Proposed: the PHI assets of the register, among them the seeded ones.
        JsonNode proposed = json.readTree(ciso.get("/api/risk/assessments/" + assessment.path("id").asLong()).body()).path("assessment");
        assertThat(proposed.path("status").asText()).isEqualTo("SCOPING");
        assertThat(proposed.path("assetIds")).extracting(JsonNode::asText).contains("claims-db", "ehr-gateway");

        // The exercise's closure, announced earlier, started nothing (however long we wait).
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> triggered(ciso, "incident:" + exercise).isEmpty());
        assertThat(new WebClient(port).as("staff", "demo").get("/api/risk/assessments").statusCode()).isEqualTo(403);
    }

    /** Triage: an outage of patient care (critical in the classification table), no patient data involved. */
    private static Map<String, Object> critical() {
        var answers = new HashMap<String, Object>(PlannedBreach.triage(0));
        answers.put("patientDataInvolved", false);
        answers.put("patientCareAffected", true);
        return answers;
    }

    private static Map<String, Object> noPatientData() {
        return Map.of("affectedCounts", "US-TX: 0", "role", "covered_entity", "lawEnforcementForm", "none");
    }

    /** The exercise's tasks through the engine's Java API, as the exercise's own test completes them. */
    private void complete(String processInstanceId, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(), new HashMap<>(variables));
    }

    private static List<JsonNode> triggered(WebClient ciso, String reference) throws Exception {
        var response = ciso.get("/api/risk/assessments");
        assertThat(response.statusCode()).isEqualTo(200);
        var found = new java.util.ArrayList<JsonNode>();
        json.readTree(response.body()).forEach(a -> {
            if ("breach-closed".equals(a.path("triggerType").asText()) && reference.equals(a.path("triggerReference").asText())) {
                found.add(a);
            }
        });
        return found;
    }
}
