package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.accessreview.events.ReviewDecided;
import org.vigil.accessreview.events.ReviewsClosed;
import org.vigil.accessreview.events.RevocationVerified;

/**
 * What access review tells the other capabilities: a reviewer's decided review, a closed review window, a verified
 * revocation, each a past-tense event; the SLA dashboard's review completion is computed from the closed windows.
 */
@VigilSpringTest
@EnableScenarios
class AccessReviewEventsIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired AccessReviewStore store;
    @Autowired AccessRevocations revocations;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void aDecidedReviewAClosedWindowAndAVerifiedRevocationAreAnnounced(Scenario scenario) throws Exception {
        var fixture = new AccessReviewFixture(LocalDate.now(clock));
        assertThat(as("ciso").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"Test system\", \"owner\": \"ciso\", \"deputy\": \"manager\", \"classification\": \"phi-restricted\"}")
                .statusCode()).isEqualTo(200);
        postCsv("/api/access-reviews/snapshots?kind=roster", fixture.roster());
        postCsv("/api/access-reviews/snapshots", fixture.snapshot());
        String instance = json.readTree(as("manager").postJson("/api/access-reviews/campaigns",
                "{\"systems\": [\"" + fixture.system + "\"]}").body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();
        long terminated = store.itemsOf(campaignId, "manager").stream()
                .filter(item -> item.account().equals(fixture.terminated)).findFirst().orElseThrow().id();

        // The manager revokes the leaver and keeps the other two: 3 items, 3 decided, 1 revoked.
        String review = tasks.createTaskQuery().processInstanceId(instance).taskAssignee("manager").singleResult().getId();
        scenario.stimulate(() -> asUser("manager", "managers", () -> tasks.complete(review, Map.of(
                        "decisions", terminated + " revoke Left the company",
                        "bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Confirmed with the team"))))
                .andWaitForEventOfType(ReviewDecided.class)
                .matching(event -> event.campaignId() == campaignId)
                .toArriveAndVerify(event -> {
                    assertThat(event.reviewer()).isEqualTo("manager");
                    assertThat(event).extracting(ReviewDecided::items, ReviewDecided::decided, ReviewDecided::revoked)
                            .containsExactly(3L, 3L, 1L);
                });

        // The window closes with the ciso's three items undecided (the privileged account has two reviewers): exceptions.
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);
        scenario.stimulate(() -> {
                    management.createJobQuery().processInstanceId(instance).timers()
                            .activityId(AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).list()
                            .forEach(job -> management.executeJob(job.getId()));
                    EngineJobs.runAt(management, instance, AccessReviewProcess.Task_CloseReviews);
                })
                .andWaitForEventOfType(ReviewsClosed.class)
                .matching(event -> event.campaignId() == campaignId)
                .toArriveAndVerify(event -> assertThat(event)
                        .extracting(ReviewsClosed::items, ReviewsClosed::decided, ReviewsClosed::exceptions)
                        .containsExactly(6L, 3L, 3L));
        // The SLA capability recorded the window after the commit, through the registry.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select items, decided from access_review_completion where campaign_id = ?", campaignId)
                .equals(java.util.List.of(Map.of("items", 6L, "decided", 3L))));
        // The dashboard's completion figure exists once a window closed (its summary is cached for up to ten seconds).
        await().atMost(Duration.ofSeconds(20)).until(() ->
                json.readTree(as("manager").get("/api/sla/summary").body()).path("accessReviewCompletion").isNumber());

        // Removed by IT operations and confirmed by someone else: verified by hand.
        long revocation = store.revocationIdsOf(campaignId, "manager").get(0);
        revocations.deprovisioned(revocation, "sysadmin");
        scenario.stimulate(() -> revocations.verifiedByHand(revocation, "ciso"))
                .andWaitForEventOfType(RevocationVerified.class)
                .matching(event -> event.revocationId() == revocation)
                .toArriveAndVerify(event -> {
                    assertThat(event.campaignId()).isEqualTo(campaignId);
                    assertThat(event.systemId()).isEqualTo(fixture.system);
                    assertThat(event.method()).isEqualTo(RevocationVerified.Method.HAND);
                });
    }

    private void asUser(String user, String group, Runnable action) {
        identity.setAuthentication(user, java.util.List.of(group));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private WebClient as(String user) {
        return new WebClient(port).as(user, "demo");
    }

    private void postCsv(String path, String csv) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }
}
