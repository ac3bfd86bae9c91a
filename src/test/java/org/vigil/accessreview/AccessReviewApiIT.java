package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** The access-review REST API as a client calls it: imports, the register, a campaign from start to report. */
@VigilSpringTest
class AccessReviewApiIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired AccessReviewStore store;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.IdentityService identity;
    @Autowired Clock clock;

    AccessReviewFixture fixture;

    @BeforeEach
    void aSystemInTheRegister() {
        fixture = new AccessReviewFixture(LocalDate.now(clock));
        var saved = client("ciso").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"Test system\", \"owner\": \"ciso\", \"deputy\": \"manager\", \"classification\": \"phi-restricted\"}");
        assertThat(saved.statusCode()).isEqualTo(200);
    }

    @Test
    void aCsvSnapshotWithBadLinesIsRejectedWithTheirNumbersAndNothingIsImported() throws Exception {
        String csv = fixture.snapshot() + fixture.system + ",mallory,mallory,manager,read,sometimes,2026-01-01\n"
                + "no-such-system,eve,eve,manager,read,false,\n";

        var response = postCsv("sysadmin", "/api/access-reviews/snapshots", csv);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problems = json.readTree(response.body()).path("problems");
        assertThat(problems.findValuesAsText("line")).containsExactly("7");
        assertThat(problems.findValuesAsText("field")).containsExactly("privileged");
        assertThat(store.latestSnapshot("ENTITLEMENTS", fixture.system)).isEmpty();

        // With the bad lines fixed, the system check runs: the unknown system is named with its line.
        var second = postCsv("sysadmin", "/api/access-reviews/snapshots",
                fixture.snapshot() + "no-such-system,eve,eve,manager,read,false,\n");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json.readTree(second.body()).path("problems").get(0).path("line").asInt()).isEqualTo(7);
        assertThat(store.latestSnapshot("ENTITLEMENTS", fixture.system)).isEmpty();
    }

    @Test
    void aGoodJsonSnapshotIsImportedAndTheRosterAsCsv() throws Exception {
        var roster = postCsv("sysadmin", "/api/access-reviews/snapshots?kind=roster", fixture.roster());
        assertThat(roster.statusCode()).isEqualTo(201);

        var response = client("sysadmin").postJson("/api/access-reviews/snapshots", """
                [{"system": "%s", "account": "staff", "person": "staff", "manager": "manager", "entitlement": "read", "privileged": false}]
                """.formatted(fixture.system));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json.readTree(response.body()).path("rows").asInt()).isEqualTo(1);
        assertThat(store.latestSnapshot("ENTITLEMENTS", fixture.system)).isPresent();
    }

    @Test
    void onlyItOperationsAndTheCisoImportAndOnlyTheCisoEditsTheRegister() {
        var staffImport = postCsv("staff", "/api/access-reviews/snapshots", fixture.snapshot());
        assertThat(staffImport.statusCode()).isEqualTo(403);
        assertThat(staffImport.body()).contains("Only members of it-operations, ciso, camunda-admin may import snapshots");

        var managerEdit = client("manager").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"x\", \"owner\": \"manager\", \"classification\": \"phi\"}");
        assertThat(managerEdit.statusCode()).isEqualTo(403);
    }

    @Test
    void aRegisterEntryWithoutOwnerIsRefusedNamingTheField() throws Exception {
        var response = client("ciso").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"Test system\", \"classification\": \"phi-restricted\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("field").asText()).isEqualTo("owner");
    }

    @Test
    void aManagerStartsACampaignReviewersDecideAndTheAuditorDownloadsTheClosedReport() throws Exception {
        postCsv("sysadmin", "/api/access-reviews/snapshots?kind=roster", fixture.roster());
        postCsv("sysadmin", "/api/access-reviews/snapshots", fixture.snapshot());
        assertThat(client("staff").postJson("/api/access-reviews/campaigns", "{}").statusCode()).isEqualTo(403);

        var started = client("manager").postJson("/api/access-reviews/campaigns",
                "{\"systems\": [\"" + fixture.system + "\"]}");
        assertThat(started.statusCode()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();

        var mine = json.readTree(client("manager").get("/api/access-reviews/campaigns/" + campaignId + "/items").body());
        assertThat(mine.findValuesAsText("reviewer")).containsOnly("manager").hasSize(3);
        var decided = client("manager").postJson("/api/access-reviews/campaigns/" + campaignId + "/decisions",
                "{\"bulk\": {\"decision\": \"keep\", \"reason\": \"Confirmed with the team\", \"scope\": \"all\"}}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(json.readTree(decided.body()).path("applied").asInt()).isEqualTo(3);
        var notReviewer = client("staff").postJson("/api/access-reviews/campaigns/" + campaignId + "/decisions", "{}");
        assertThat(notReviewer.statusCode()).isEqualTo(403);

        assertThat(client("auditor").get("/api/access-reviews/campaigns/" + campaignId + "/report").statusCode())
                .as("no report before the close").isEqualTo(409);
        closeCampaign(instance);

        var report = client("auditor").get("/api/access-reviews/campaigns/" + campaignId + "/report?download=true");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(report.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"access-review-" + campaignId + ".html\"");
        assertThat(report.body()).contains("Confirmed with the team").contains("EXCEPTION");
        assertThat(client("staff").get("/api/access-reviews/campaigns/" + campaignId + "/report").statusCode()).isEqualTo(403);

        var late = client("manager").postJson("/api/access-reviews/campaigns/" + campaignId + "/decisions",
                "{\"bulk\": {\"decision\": \"revoke\", \"reason\": \"late\", \"scope\": \"all\"}}");
        assertThat(late.statusCode()).as("a closed campaign is read-only").isEqualTo(409);
        var figures = json.readTree(client("auditor").get("/api/access-reviews/campaigns/" + campaignId).body());
        assertThat(figures.path("status").asText()).isEqualTo("CLOSED");
        assertThat(figures.path("completionRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theReviewFormsRowsGoThroughTheEngineRestApiAndARefusalIsA400NamingTheLabelAndItOperationsReadsTheRevokedItems()
            throws Exception {
        postCsv("sysadmin", "/api/access-reviews/snapshots?kind=roster", fixture.roster());
        postCsv("sysadmin", "/api/access-reviews/snapshots", fixture.snapshot());
        var started = client("manager").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"" + fixture.system + "\"]}");
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();
        String taskId = tasks.createTaskQuery().processInstanceId(instance).taskAssignee("manager").singleResult().getId();
        var rows = json.readTree(client("manager").get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").body())
                .path(AccessReviewVariables.REVIEW_ITEMS);
        assertThat(rows.path("valueInfo").path("serializationDataFormat").asText()).isEqualTo("application/json");
        JsonNode listed = json.readTree(rows.path("value").asText());
        assertThat(listed.findValuesAsText("account")).containsExactly("sysadmin", fixture.terminated, "staff");
        long jdoe = listed.get(1).path("item").asLong();

        // As Tasklist submits the dynamic list: an Object variable of JSON text, with the type it was given.
        String noReason = submission("[{\"item\": " + jdoe + ", \"decision\": \"revoke\", \"reason\": \"\"}]");
        var refused = client("manager").postJson("/engine-rest/task/" + taskId + "/submit-form", noReason);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("message").asText())
                .contains("'Reason' of account " + fixture.terminated + " on " + fixture.system + ": required to revoke access");

        var smuggled = client("manager").postJson("/engine-rest/task/" + taskId + "/submit-form",
                submission("[{\"item\": " + jdoe + ", \"decision\": \"revoke\", \"reason\": \"x\", \"account\": \"other\"}]"));
        assertThat(smuggled.statusCode()).as("a display-only column is not submitted").isEqualTo(400);
        assertThat(json.readTree(smuggled.body()).path("message").asText()).contains("account is not a field a person fills in");

        var done = client("manager").postJson("/engine-rest/task/" + taskId + "/submit-form",
                submission("[{\"item\": " + jdoe + ", \"decision\": \"revoke\", \"reason\": \"Left the company\"}]"));
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(runtime.getVariable(instance, AccessReviewVariables.CAMPAIGN_ID.name())).isEqualTo(campaignId);

        var revoked = json.readTree(client("sysadmin").get("/api/access-reviews/campaigns/" + campaignId + "/items").body());
        assertThat(revoked.findValuesAsText("account")).containsExactly(fixture.terminated);
        assertThat(revoked.findValuesAsText("decision")).containsExactly("REVOKE");
        assertThat(json.readTree(client("staff").get("/api/access-reviews/campaigns/" + campaignId + "/items").body()))
                .as("staff reviews nothing and removes nothing").isEmpty();

        // IT operations may not send the box unchecked: 400 naming the field's label, and the task stays.
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);
        var revocation = store.revocations(campaignId).get(0);
        String deprovision = tasks.createTaskQuery()
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id())).singleResult().getId();
        assertThat(client("sysadmin").postJson("/engine-rest/task/" + deprovision + "/claim", "{\"userId\": \"sysadmin\"}")
                .statusCode()).isEqualTo(204);
        var unchecked = client("sysadmin").postJson("/engine-rest/task/" + deprovision + "/submit-form",
                "{\"variables\": {\"removed\": {\"value\": false}}}");
        assertThat(unchecked.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unchecked.body()).path("message").asText()).contains("'The access is removed' (removed)");
        assertThat(tasks.createTaskQuery().taskId(deprovision).count()).isOne();
        runtime.deleteProcessInstance(tasks.createTaskQuery().taskId(deprovision).singleResult().getProcessInstanceId(), "test done");
        runtimeCleanup(instance);
    }

    private static String submission(String rowsJson) throws Exception {
        var value = new java.util.LinkedHashMap<String, Object>();
        value.put("type", "Object");
        value.put("value", rowsJson);
        value.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        return json.writeValueAsString(Map.of("variables", Map.of(AccessReviewVariables.REVIEW_ITEMS, value)));
    }

    @Test
    void withTheDemoDataManagersReviewInTasklistAndRevocationsReachSysadmin() throws Exception {
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        byte[] demoRoster = json.writeValueAsBytes(yaml.readTree(new org.springframework.core.io.ClassPathResource(
                AccessReviewSeedLoader.DEMO_ROSTER).getInputStream()).path("rows"));
        assertThat(client("sysadmin").postJson("/api/access-reviews/snapshots?kind=roster", new String(demoRoster, StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);
        var started = client("manager").postJson("/api/access-reviews/campaigns",
                "{\"systems\": [\"ehr-gateway\", \"claims-db\", \"support-desk\"]}");
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();

        // The manager finds the review as Tasklist does, under the manager's own Camunda authorizations, and revokes jdoe.
        // (The engine's Java API rather than /engine-rest: RestartIT, run earlier in the same JVM, can leave the REST
        // API without its default engine.)
        var items = json.readTree(client("manager").get("/api/access-reviews/campaigns/" + campaignId + "/items").body());
        long jdoe = 0;
        for (JsonNode item : items) {
            if (item.path("account").asText().equals("jdoe")) {
                jdoe = item.path("id").asLong();
                assertThat(item.path("flags").toString()).contains("TERMINATED");
            }
        }
        identity.setAuthentication("manager", java.util.List.of("managers"));
        try {
            var managerTasks = tasks.createTaskQuery().processInstanceId(instance).taskAssignee("manager").list();
            assertThat(managerTasks).hasSize(1);
            tasks.complete(managerTasks.get(0).getId(), Map.of("decisions", jdoe + " revoke Left the company",
                    "bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Confirmed with the team"));
        } finally {
            identity.clearAuthentication();
        }
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);

        identity.setAuthentication("sysadmin", java.util.List.of("it-operations"));
        try {
            assertThat(tasks.createTaskQuery().taskDefinitionKey(AccessRevocationProcess.Task_Deprovision)
                    .taskCandidateGroup("it-operations").list())
                    .anySatisfy(task -> assertThat(task.getProcessDefinitionId()).startsWith(AccessRevocationProcess.KEY));
        } finally {
            identity.clearAuthentication();
        }
        runtimeCleanup(instance);
    }

    private void runtimeCleanup(String instance) {
        // Leave no open review tasks of the demo systems behind for other tests of this JVM.
        runtime.deleteProcessInstance(instance, "test done");
    }

    private void closeCampaign(String instance) {
        tasks.createTaskQuery().processInstanceId(instance).taskAssignee("manager").list()
                .forEach(task -> tasks.complete(task.getId()));
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);
        management.createJobQuery().processInstanceId(instance).timers()
                .activityId(AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).list()
                .forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_CloseReviews);
        tasks.createTaskQuery().processInstanceId(instance).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_PublishReport);
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }

    private HttpResponse<String> postCsv(String user, String path, String csv) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
