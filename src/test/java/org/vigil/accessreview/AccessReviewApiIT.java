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
        runJobs(instance, AccessReviewProcess.Task_OpenCampaign);
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

    private void closeCampaign(String instance) {
        tasks.createTaskQuery().processInstanceId(instance).taskAssignee("manager").list()
                .forEach(task -> tasks.complete(task.getId()));
        runJobs(instance, AccessReviewProcess.Task_RequestDeprovisioning);
        management.createJobQuery().processInstanceId(instance).timers()
                .activityId(AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).list()
                .forEach(job -> management.executeJob(job.getId()));
        runJobs(instance, AccessReviewProcess.Task_CloseReviews);
        tasks.createTaskQuery().processInstanceId(instance).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        runJobs(instance, AccessReviewProcess.Task_PublishReport);
    }

    private void runJobs(String instance, String activityId) {
        var jobs = management.createJobQuery().processInstanceId(instance).activityId(activityId).list();
        assertThat(jobs).as(activityId).isNotEmpty();
        jobs.forEach(job -> management.executeJob(job.getId()));
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
