package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * The risk assessment as its users drive it over HTTP: the CISO registers a new PHI system in the access-review
 * register, and an assessment of exactly that asset starts; the owner and the CISO identify, analyse and plan through
 * the engine's REST API (what Tasklist does), the plan's action is a corrective action of source RISK_TREATMENT, the
 * residual risk above the threshold is accepted by its owner alone (the CISO is refused 403), the CISO signs off, and
 * the register's REST API shows the result to its readers only.
 */
@VigilSpringTest
class RiskAssessmentApiIT {

    static final ObjectMapper json = new ObjectMapper();
    static final String SYSTEM = "lab-results-portal-it";

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;

    @Test
    void aNewPhiSystemIsAssessedTreatedAcceptedByItsOwnerAndSignedOffThroughRest() throws Exception {
        var ciso = client("ciso");
        var manager = client("manager");
        JsonNode figuresBefore = json.readTree(client("manager").get("/api/sla/summary").body()).path("risks");
        assertThat(figuresBefore.path("accepted").isNumber()).as("the dashboard's risk figures").isTrue();
        String system = "{\"name\": \"Lab results portal\", \"owner\": \"manager\", \"deputy\": \"ciso\", \"classification\": \"phi-restricted\"}";
        assertThat(client("staff").putJson("/api/access-reviews/systems/" + SYSTEM, system).statusCode()).isEqualTo(403);
        var registered = ciso.putJson("/api/access-reviews/systems/" + SYSTEM, system);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        // The register's event starts the assessment after the commit: for that asset alone, recorded with its trigger.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> triggered(RiskTriggers.PHI_SYSTEM_ADDED, SYSTEM) != null);
        JsonNode assessment = triggered(RiskTriggers.PHI_SYSTEM_ADDED, SYSTEM);
        long id = assessment.path("id").asLong();
        String instance = assessment.path("processInstanceId").asText();
        assertThat(assessment.path("kind").asText()).isEqualTo("triggered");
        assertThat(assessment.path("assetIds")).extracting(JsonNode::asText).containsExactly(SYSTEM);
        JsonNode asset = find(json.readTree(ciso.get("/api/risk/assets").body()), "id", SYSTEM);
        assertThat(asset.path("priority").asText()).isEqualTo("high");
        assertThat(asset.path("ownerId").asText()).isEqualTo("manager");
        // Saved again unchanged: the same system starts nothing twice.
        assertThat(ciso.putJson("/api/access-reviews/systems/" + SYSTEM, system).statusCode()).isEqualTo(200);
        EngineJobs.runAt(management, instance, RiskAssessmentProcess.Task_OpenAssessment);

        // Identification, by the asset's owner: the named asset needs no scope step.
        Task identify = single(instance, RiskAssessmentProcess.Task_IdentifyThreats);
        assertThat(tasks.getVariable(identify.getId(), "threatIds").toString()).contains("ransomware-clinical", "phishing");
        var unknown = complete(manager, identify, Map.of("threatIds", "ransomware-clinical, alien-invasion"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("message").asText()).contains("threatIds: alien-invasion");
        assertCompleted(complete(manager, identify, Map.of("threatIds", "ransomware-clinical, phishing")));
        JsonNode risks = json.readTree(ciso.get("/api/risk/assessments/" + id).body()).path("risks");
        long ransomware = find(risks, "threatId", "ransomware-clinical").path("id").asLong();
        long phishing = find(risks, "threatId", "phishing").path("id").asLong();

        // Analysis: ransomware by the CISO, residual 3 x 4 = 12 above the threshold (9); phishing retained within appetite by the owner.
        assertCompleted(complete(ciso, analysisOf(instance, ransomware), analysis(4, 5, 5, 5, 4, 3, 4, "modify", "8.7, 8.13",
                "Claims history encrypted; restore from the offline copy")));
        assertCompleted(complete(manager, analysisOf(instance, phishing), analysis(2, 2, 1, 1, 1, 2, 1, "retain", "", null)));

        // Treatment plan by the owner; its action raised as a corrective action of source RISK_TREATMENT.
        Task plan = single(instance, RiskAssessmentProcess.Task_PlanTreatment);
        assertCompleted(complete(manager, plan, Map.of("treatment", "modify", "residualLikelihood", "3", "residualImpact", "4",
                "phiActions", jsonList(List.of(Map.of("text", "Immutable offsite backups of the portal", "ownerGroup", "it-operations",
                        "owner", "sysadmin", "dueDate", java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(45).toString()))))));
        EngineJobs.runAt(management, instance, RiskAssessmentProcess.Task_RaiseTreatmentActions);
        String reference = "risk:" + ransomware + ":assessment:" + id + ":action:1";
        JsonNode raised = json.readTree(ciso.get("/api/corrective-actions?sourceType=RISK_TREATMENT&referencePrefix="
                + "risk:" + ransomware + ":assessment:" + id + ":").body());
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).path("source").path("reference").asText()).isEqualTo(reference);
        assertThat(raised.get(0).path("severity").asText()).isEqualTo("major");
        assertThat(raised.get(0).path("ownerGroup").asText()).isEqualTo("it-operations");
        // The plan's owner and due date are the action's, not the severity policy's.
        assertThat(raised.get(0).path("owner").asText()).isEqualTo("sysadmin");
        assertThat(java.time.Instant.parse(raised.get(0).path("dueAt").asText()).atZone(java.time.ZoneId.of("America/New_York")).toLocalDate())
                .isAfterOrEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(45));

        // Acceptance: assigned to the owner; the CISO is refused naming the rule, the owner accepts.
        Task accept = single(instance, RiskAssessmentProcess.Task_AcceptResidualRisk);
        assertThat(accept.getAssignee()).isEqualTo("manager");
        var byCiso = complete(ciso, accept, Map.of("acceptance", "accept"));
        assertThat(byCiso.statusCode()).as(byCiso.body()).isEqualTo(403);
        assertThat(json.readTree(byCiso.body()).path("message").asText()).contains("Only the risk owner, manager", "6.1.3 f");
        assertCompleted(complete(manager, accept, Map.of("acceptance", "accept", "phiAcceptanceNote", "Accepted until the backups are tested")));

        // Sign-off by the CISO; the manager is not offered it.
        Task signOff = single(instance, RiskAssessmentProcess.Task_SignOff);
        assertThat(complete(manager, signOff, Map.of("signOff", true)).statusCode()).isIn(403, 404);
        assertCompleted(complete(ciso, signOff, Map.of("signOff", true)));
        assertThat(tasks.createTaskQuery().processInstanceId(instance).count()).isZero();

        // What the register shows: to its readers, the signed-off assessment, its risks, ratings and acceptance; staff 403.
        JsonNode detail = json.readTree(client("auditor").get("/api/risk/assessments/" + id).body());
        assertThat(detail.path("assessment").path("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(detail.path("assessment").path("signedOffBy").asText()).isEqualTo("ciso");
        assertThat(detail.path("assessment").path("triggerReference").asText()).isEqualTo(SYSTEM);
        JsonNode treated = find(detail.path("risks"), "id", String.valueOf(ransomware));
        assertThat(treated.path("inherentRating").asInt()).isEqualTo(20);
        assertThat(treated.path("inherentBand").asText()).isEqualTo("critical");
        assertThat(treated.path("residualRating").asInt()).isEqualTo(12);
        assertThat(treated.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(treated.path("acceptedBy").asText()).isEqualTo("manager");
        assertThat(find(detail.path("risks"), "id", String.valueOf(phishing)).path("status").asText()).isEqualTo("WITHIN_APPETITE");

        var list = manager.get("/api/risks");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode listed = find(json.readTree(list.body()), "id", String.valueOf(ransomware));
        assertThat(listed.path("controls")).extracting(JsonNode::asText).containsExactly("8.7", "8.13");
        assertThat(list.body()).doesNotContain("Claims history encrypted");
        JsonNode one = json.readTree(ciso.get("/api/risks/" + ransomware).body());
        assertThat(one.path("description").asText()).isEqualTo("Claims history encrypted; restore from the offline copy");
        assertThat(one.path("acceptanceNote").asText()).isEqualTo("Accepted until the backups are tested");
        assertThat(one.path("actions").get(0).path("correctiveActionId").asLong()).isEqualTo(raised.get(0).path("id").asLong());
        assertThat(find(json.readTree(ciso.get("/api/risk/assets").body()), "id", SYSTEM).path("lastAssessedAt").isNull()).isFalse();

        // The sign-off versioned the Statement of Applicability: the controls of the analysis name the risk they treat.
        // (after the sign-off's commit, by the event's listener)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(client("auditor").get("/api/risk/soa/versions").body())
                .findValuesAsText("assessmentId").contains(String.valueOf(id)));
        JsonNode version = find(json.readTree(client("auditor").get("/api/risk/soa/versions").body()), "assessmentId", String.valueOf(id));
        JsonNode frozen = json.readTree(client("auditor").get("/api/risk/soa/versions/" + version.path("version").asInt()).body());
        assertThat(find(frozen.path("controls"), "controlId", "A.8.7").path("riskIds")).extracting(JsonNode::asLong).contains(ransomware);
        assertThat(find(frozen.path("controls"), "controlId", "A.8.13").path("riskIds")).extracting(JsonNode::asLong).contains(ransomware);
        var pdf = client("auditor").getBytes("/api/risk/soa/versions/" + version.path("version").asInt() + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(org.vigil.platform.Sha256.hex(pdf.body())).isEqualTo(version.path("documentSha256").asText());
        // And the figures: the accepted residual risk counted as accepted.
        // (the dashboard's summary is shared for up to 10 s)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(client("manager").get("/api/sla/summary").body())
                .path("risks").path("accepted").asLong() != figuresBefore.path("accepted").asLong());
        JsonNode figuresAfter = json.readTree(client("manager").get("/api/sla/summary").body()).path("risks");
        assertThat(figuresAfter.path("accepted").asLong()).isEqualTo(figuresBefore.path("accepted").asLong() + 1);
        // (not compared with aboveThreshold: other tests' assessments add risks above it meanwhile)
        assertThat(figuresAfter.path("heatMap").path("total").asLong()).isPositive();

        var staff = client("staff");
        for (String path : List.of("/api/risks", "/api/risks/" + ransomware, "/api/risk/assessments", "/api/risk/assessments/" + id,
                "/api/risk/assets")) {
            var refused = staff.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(path).contains("application/problem+json");
        }
        // Exactly one assessment for the new system, however often it was saved.
        assertThat(json.readTree(ciso.get("/api/risk/assessments").body()).findValuesAsText("triggerReference").stream()
                .filter(SYSTEM::equals)).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode triggered(String type, String reference) throws Exception {
        for (JsonNode a : json.readTree(client("ciso").get("/api/risk/assessments").body())) {
            if (type.equals(a.path("triggerType").asText()) && reference.equals(a.path("triggerReference").asText())) {
                return a;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private Task single(String instance, String taskKey) {
        var open = tasks.createTaskQuery().processInstanceId(instance).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(taskKey);
        return open.get(0);
    }

    private Task analysisOf(String instance, long riskId) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RiskAssessmentProcess.Task_AnalyseRisk).list()
                .stream().filter(t -> Long.valueOf(riskId).equals(tasks.getVariable(t.getId(), "riskId"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> analysis(int likelihood, int c, int i, int a, int p, int residualLikelihood, int residualImpact,
            String treatment, String controls, String description) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("likelihood", String.valueOf(likelihood));
        values.put("impactConfidentiality", String.valueOf(c));
        values.put("impactIntegrity", String.valueOf(i));
        values.put("impactAvailability", String.valueOf(a));
        values.put("impactPatientSafety", String.valueOf(p));
        values.put("residualLikelihood", String.valueOf(residualLikelihood));
        values.put("residualImpact", String.valueOf(residualImpact));
        values.put("treatment", treatment);
        values.put("controls", controls);
        if (description != null) {
            values.put("phiDescription", description);
        }
        return values;
    }

    /** A dynamic list as Tasklist sends it: a JSON list, typed as an Object variable. */
    private static Map<String, Object> jsonList(List<Map<String, Object>> rows) throws Exception {
        var typed = new LinkedHashMap<String, Object>();
        typed.put("type", "Object");
        typed.put("value", json.writeValueAsString(rows));
        typed.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        return typed;
    }

    /** Completes the task through the engine REST API as {@code user}; a value given as a typed map is sent as it is. */
    @SuppressWarnings("unchecked")
    private HttpResponse<String> complete(WebClient user, Task task, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof Map<?, ?> typed ? (Map<String, Object>) typed : Map.of("value", value)));
        return user.postJson("/engine-rest/task/" + task.getId() + "/complete", json.writeValueAsString(Map.of("variables", variables)));
    }

    private static void assertCompleted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
