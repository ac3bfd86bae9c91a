package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.Multipart;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.correctiveaction.CorrectiveActionProcess;
import org.vigil.platform.Sha256;

/**
 * The audit API as a client calls it: the CISO's start and who is refused, bad input named by field, an audit done
 * through the engine's REST API (as Tasklist does) to its close, then read-only, and its evidence ZIP for auditors;
 * a focused audit from the programme's timer to its close once its major finding's corrective action is verified
 * effective.
 */
@VigilSpringTest
class InternalAuditApiIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired java.time.Clock clock;

    @BeforeEach
    void anAuditorWhoIsAlsoInItOperations() {
        if (identity.createUserQuery().userId("auditor-ops").count() == 0) {
            var user = identity.newUser("auditor-ops");
            user.setPassword("demo");
            user.setEmail("auditor-ops@vigil.example");
            identity.saveUser(user);
            identity.createMembership("auditor-ops", "auditors");
            identity.createMembership("auditor-ops", "it-operations");
        }
    }

    /** The other tests of the JVM share the database, and mail IT operations and the auditors as groups. */
    @org.junit.jupiter.api.AfterEach
    void removeTheAuditorFromItOperations() {
        identity.deleteUser("auditor-ops");
    }

    @Test
    void theCisoStartsAnAuditStaffMayNotAndBadInputIsNamedByField() throws Exception {
        var byStaff = client("staff").postJson("/api/audits", "{\"kind\": \"ad-hoc\", \"areas\": [\"access-management\"]}");
        assertThat(byStaff.statusCode()).isEqualTo(403);
        assertThat(byStaff.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        var noAreas = client("ciso").postJson("/api/audits", "{\"kind\": \"ad-hoc\"}");
        assertThat(noAreas.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noAreas.body()).path("field").asText()).isEqualTo("areas");
        var badKind = client("ciso").postJson("/api/audits", "{\"kind\": \"weekly\", \"areas\": [\"access-management\"]}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badKind.body()).path("field").asText()).isEqualTo("kind");
        var unknownArea = client("ciso").postJson("/api/audits", "{\"areas\": [\"canteen\"]}");
        assertThat(unknownArea.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownArea.body()).path("detail").asText()).isEqualTo("areas: canteen is not an area of the audit programme");
        var notAList = client("ciso").postJson("/api/audits", "{\"areas\": {\"a\": 1}}");
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notAList.body()).path("field").asText()).isEqualTo("areas");

        var started = client("ciso").postJson("/api/audits", "{\"kind\": \"ad-hoc\", \"areas\": [\"access-management\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_OpenAudit);

        assertThat(client("staff").get("/api/audits").statusCode()).isEqualTo(403);
        JsonNode list = json.readTree(client("manager").get("/api/audits").body());
        assertThat(list.findValuesAsText("processInstanceId")).contains(instance);
        // Nobody starts it through the engine's own doors.
        assertThat(client("ciso").postJson("/engine-rest/message", "{\"messageName\": \"AuditRequested\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void anAuditDoneThroughTheRestApiClosesReadOnlyAndItsEvidenceZipHoldsEveryFileWithItsSha256() throws Exception {
        var started = client("ciso").postJson("/api/audits", "{\"kind\": \"ad-hoc\", \"areas\": [\"access-management\"]}");
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_OpenAudit);
        long auditId = json.readTree(client("auditor").get("/api/audits").body()).findParents("processInstanceId").stream()
                .filter(audit -> audit.path("processInstanceId").asText().equals(instance)).findFirst().orElseThrow().path("id").asLong();
        WebClient auditor = client("auditor");

        // The plan, as Tasklist submits it: the independence check refuses with a 400 naming the person, group and area.
        String plan = taskOf(instance);
        var conflicted = auditor.postJson("/engine-rest/task/" + plan + "/complete", variables(planFields("auditor-ops")));
        assertThat(conflicted.statusCode()).isEqualTo(400);
        assertThat(json.readTree(conflicted.body()).path("message").asText())
                .contains("auditor-ops belongs to it-operations, the owner group of area access-management");
        var notOnTheForm = auditor.postJson("/engine-rest/task/" + plan + "/complete", "{\"variables\": {\"auditId\": {\"value\": 1}}}");
        assertThat(notOnTheForm.statusCode()).isEqualTo(400);
        var planned = auditor.postJson("/engine-rest/task/" + plan + "/complete", variables(planFields("auditor")));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(204);

        // The checklist, edited through the API by auditors only.
        assertThat(client("manager").putJson("/api/audits/" + auditId + "/checklist", "[{\"questionId\": \"AM-01\", \"text\": \"x\"}]")
                .statusCode()).isEqualTo(403);
        var unknownQuestion = auditor.putJson("/api/audits/" + auditId + "/checklist", "[{\"questionId\": \"ZZ-99\", \"text\": \"x\"}]");
        assertThat(unknownQuestion.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownQuestion.body()).path("field").asText()).isEqualTo("questionId");
        var edited = auditor.putJson("/api/audits/" + auditId + "/checklist",
                "[{\"questionId\": \"AM-01\", \"text\": \"Is access to the EHR granted only on a documented, approved request?\"}]");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", "{}").statusCode()).isEqualTo(204);

        // Fieldwork: a file for AM-01, then a result per question.
        byte[] file = "2026-03-02 access request 4711 approved by manager".getBytes(StandardCharsets.UTF_8);
        var form = new Multipart().file("file", "request-log.txt", "text/plain", file).field("questionId", "AM-01");
        var uploaded = auditor.post("/api/audits/" + auditId + "/evidence", form.contentType(), new String(form.bytes(), StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json.readTree(uploaded.body()).path("sha256").asText()).isEqualTo(Sha256.hex(file));
        // The fieldwork form shows the files so far, read from the audit when the task is opened (never a process variable).
        JsonNode formVariables = json.readTree(auditor.get("/engine-rest/task/" + taskOf(instance) + "/form-variables").body());
        assertThat(formVariables.path("evidenceSoFar").path("value").asText()).isEqualTo("request-log.txt (AM-01)");
        var staffUpload = client("staff").post("/api/audits/" + auditId + "/evidence", form.contentType(), new String(form.bytes(), StandardCharsets.UTF_8));
        assertThat(staffUpload.statusCode()).isEqualTo(403);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : json.readTree(auditor.get("/api/audits/" + auditId).body()).path("checklist")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("questionId", item.path("questionId").asText());
            row.put("result", "conforming");
            row.put("evidenceLinks", "AM-01".equals(item.path("questionId").asText()) ? "/api/access-reviews/campaigns/1/report" : null);
            rows.add(row);
        }
        var fieldwork = auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", rowsSubmission(rows));
        assertThat(fieldwork.statusCode()).as(fieldwork.body()).isEqualTo(204);
        EngineJobs.runAllOf(management, instance);

        // No findings: the lead auditor finalizes; before the close the evidence file is refused.
        assertThat(auditor.getBytes("/api/audits/" + auditId + "/evidence.zip").statusCode()).isEqualTo(409);
        var finalized = auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete",
                "{\"variables\": {\"reportApproved\": {\"value\": true}}}");
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(204);
        EngineJobs.runAllOf(management, instance);
        JsonNode closed = json.readTree(auditor.get("/api/audits/" + auditId).body());
        assertThat(closed.path("audit").path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("reports").findValuesAsText("stage")).containsExactly("draft", "final");

        // Read-only: every change is a 409 naming the audit.
        var lateEdit = auditor.putJson("/api/audits/" + auditId + "/checklist", "[{\"questionId\": \"AM-01\", \"text\": \"x\"}]");
        assertThat(lateEdit.statusCode()).isEqualTo(409);
        assertThat(json.readTree(lateEdit.body()).path("detail").asText()).isEqualTo("Audit " + auditId + " is closed: its record no longer changes");
        var lateFile = auditor.post("/api/audits/" + auditId + "/evidence", form.contentType(), new String(form.bytes(), StandardCharsets.UTF_8));
        assertThat(lateFile.statusCode()).isEqualTo(409);

        // The evidence file: for auditors and the CISO, every file listed in the index with its SHA-256.
        assertThat(client("manager").getBytes("/api/audits/" + auditId + "/evidence.zip").statusCode()).isEqualTo(403);
        var zip = auditor.getBytes("/api/audits/" + auditId + "/evidence.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.body());
        String root = "audit-" + auditId + "/";
        assertThat(files.keySet()).contains(root + "programme.json", root + "plan.json", root + "checklist.json", root + "findings.json",
                root + "evidence/list.json", root + "reports/report-v1-draft.html", root + "reports/report-v1-draft.pdf",
                root + "reports/report-v2-final.html", root + "reports/report-v2-final.pdf", root + "index.txt", root + "index.json");
        assertThat(files.keySet()).anyMatch(name -> name.startsWith(root + "evidence/") && name.endsWith("-request-log.txt"));
        JsonNode index = json.readTree(files.get(root + "index.json"));
        assertThat(index.path("files").size()).isEqualTo(files.size() - 2);
        for (JsonNode entry : index.path("files")) {
            byte[] content = files.get(root + entry.path("path").asText());
            assertThat(content).as(entry.path("path").asText()).isNotNull();
            assertThat(entry.path("sha256").asText()).as(entry.path("path").asText()).isEqualTo(Sha256.hex(content));
            assertThat(new String(files.get(root + "index.txt"), StandardCharsets.UTF_8)).contains(Sha256.hex(content) + "  " + entry.path("path").asText());
        }
        assertThat(files.values()).anyMatch(content -> java.util.Arrays.equals(content, file));
        assertThat(new String(files.get(root + "reports/report-v2-final.pdf"), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(files.get(root + "checklist.json"), StandardCharsets.UTF_8))
                .contains("Is access to the EHR granted only on a documented, approved request?");
        assertThat(client("ciso").getBytes("/api/audits/" + auditId + "/evidence.zip").statusCode()).isEqualTo(200);
    }

    @Test
    void aFocusedAuditFromTheProgrammesTimerClosesWhenItsMajorFindingsActionIsVerifiedEffective() throws Exception {
        // The quarter's timer fires (job executor off in tests: the test runs its jobs), then the first working day's.
        Job quarter = management.createJobQuery().processDefinitionKey(InternalAuditProcess.SCHEDULE_KEY).timers()
                .activityId(InternalAuditProcess.StartEvent_FocusedAuditDue).singleResult();
        management.executeJob(quarter.getId());
        String schedule = runtime.createProcessInstanceQuery().processDefinitionKey(InternalAuditProcess.SCHEDULE_KEY)
                .activityIdIn(InternalAuditProcess.Event_FirstWorkingDay).list().get(0).getId();
        management.executeJob(management.createJobQuery().processInstanceId(schedule).timers().singleResult().getId());
        EngineJobs.runAt(management, schedule, InternalAuditProcess.Task_RequestFocusedAudit);
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(InternalAuditProcess.KEY)
                .variableValueEquals("scheduledBy", schedule).singleResult().getId();
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_OpenAudit);
        long auditId = ((Number) runtime.getVariable(instance, "auditId")).longValue();
        WebClient auditor = client("auditor");
        JsonNode opened = json.readTree(auditor.get("/api/audits/" + auditId).body()).path("audit");
        assertThat(opened.path("kind").asText()).isEqualTo("focused");
        assertThat(opened.path("scope").toString()).isEqualTo("[\"access-management\",\"incident-response\"]");

        // Plan, checklist, fieldwork with one major nonconformity, through the engine's REST API as Tasklist does.
        Map<String, Object> plan = new LinkedHashMap<>(planFields("auditor"));
        plan.put("scope", "access-management, incident-response");
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", variables(plan)).statusCode()).isEqualTo(204);
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", "{}").statusCode()).isEqualTo(204);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : json.readTree(auditor.get("/api/audits/" + auditId).body()).path("checklist")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("questionId", item.path("questionId").asText());
            boolean major = "AM-02".equals(item.path("questionId").asText());
            row.put("result", major ? "major" : "conforming");
            row.put("evidenceNotes", major ? "Leavers keep EHR access for weeks" : null);
            rows.add(row);
        }
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", rowsSubmission(rows)).statusCode()).isEqualTo(204);
        EngineJobs.runAllOf(management, instance);

        // IT operations responds, the auditor finalizes: the action is raised and the audit waits for it.
        var respond = client("sysadmin").postJson("/engine-rest/task/" + taskOf(instance) + "/complete",
                variables(Map.of("phiResponse", "Agreed: HR's leaver feed will disable accounts on the day")));
        assertThat(respond.statusCode()).as(respond.body()).isEqualTo(204);
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete",
                "{\"variables\": {\"reportApproved\": {\"value\": true}}}").statusCode()).isEqualTo(204);
        EngineJobs.runAllOf(management, instance);
        long actionId = json.readTree(auditor.get("/api/audits/" + auditId).body()).path("findings").get(0).path("correctiveActionId").asLong();
        // The report's versions: for auditors, the CISO, managers and the groups owning a finding (the auditees), not staff.
        var draft = client("sysadmin").getBytes("/api/audits/" + auditId + "/reports/1.pdf");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(new String(draft.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(auditor.get("/api/audits/" + auditId + "/reports/2.html").body()).contains("Report version 2, FINAL")
                .contains("Leavers keep EHR access for weeks").contains("Agreed: HR&#39;s leaver feed");
        assertThat(client("staff").getBytes("/api/audits/" + auditId + "/reports/1.pdf").statusCode()).isEqualTo(403);
        assertThat(json.readTree(auditor.get("/api/audits/" + auditId + "/reports/7.html").body()).path("field").asText()).isEqualTo("version");
        assertThat(auditor.getBytes("/api/audits/" + auditId + "/evidence.zip").statusCode()).isEqualTo(409);

        // The corrective action's steps by IT operations, its effectiveness checked by the auditors.
        String action = runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + actionId).singleResult().getId();
        WebClient sysadmin = client("sysadmin");
        complete(sysadmin, action, Map.of("correctionMade", "yes", "phiCorrection", "Leavers' accounts disabled"));
        complete(sysadmin, action, Map.of("phiRootCause", "HR does not tell IT", "rootCauseMethod", "five-whys", "similarElsewhere", "no"));
        complete(sysadmin, action, Map.of("phiActionPlan", "Leaver feed from HR", "actionOwner", "sysadmin",
                "planDueDate", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("America/New_York"))).plusDays(20).toString()));
        complete(sysadmin, action, Map.of("phiEvidence", "Feed live"));
        management.executeJob(management.createJobQuery().processInstanceId(action).timers()
                .activityId(CorrectiveActionProcess.Timer_EffectivenessCheckDue).singleResult().getId());
        complete(auditor, action, Map.of("verdict", "effective", "phiEffectivenessNotes", "No leaver kept access since"));
        EngineJobs.runAt(management, action, CorrectiveActionProcess.Task_CloseAction);

        // The last action closed: the audit closes, and its file holds the action through to its closure.
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(instance)
                .activityId(InternalAuditProcess.Task_CloseAudit).count() == 1);
        EngineJobs.runAt(management, instance, InternalAuditProcess.Task_CloseAudit);
        var zip = auditor.getBytes("/api/audits/" + auditId + "/evidence.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(zip.body());
        JsonNode findings = json.readTree(files.get("audit-" + auditId + "/findings.json"));
        assertThat(findings.get(0).path("finding").path("status").asText()).isEqualTo("CLOSED");
        assertThat(findings.get(0).path("correctiveAction").path("status").asText()).isEqualTo("CLOSED");
        assertThat(findings.get(0).path("correctiveAction").path("severity").asText()).isEqualTo("major");
        assertThat(files.keySet()).contains("audit-" + auditId + "/responses.json", "audit-" + auditId + "/reports/report-v2-final.pdf");
    }

    private void complete(WebClient user, String instance, Map<String, Object> values) throws Exception {
        var response = user.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", variables(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private static Map<String, Object> planFields(String lead) {
        return Map.of("scope", "access-management", "criteria", "ISO/IEC 27001:2022 A.5.15-A.5.18, A.8.2-A.8.5",
                "leadAuditor", lead, "team", "", "plannedStart", "2026-03-09", "plannedEnd", "2026-03-13");
    }

    private static String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private static String rowsSubmission(List<Map<String, Object>> rows) throws Exception {
        var value = new LinkedHashMap<String, Object>();
        value.put("type", "Object");
        value.put("value", json.writeValueAsString(rows));
        value.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        return json.writeValueAsString(Map.of("variables", Map.of(InternalAuditVariables.FIELDWORK_ITEMS, value)));
    }

    private String taskOf(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
