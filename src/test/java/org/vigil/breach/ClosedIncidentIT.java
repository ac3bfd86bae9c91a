package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Issue 13, point 4: a closed incident takes no more facts, lists, evidence or notices (409 with a problem body that
 * says how to reopen it); the privacy lead or the CISO reopens it with a reason, recorded with who and when, and it
 * goes back to the investigation and on to a new review and closure.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class ClosedIncidentIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired org.vigil.correctiveaction.CorrectiveActions correctiveActions;
    BreachThroughRest breach;

    @BeforeEach
    void demoUsers(BreachThroughRest breach) {
        this.breach = breach;
    }

    @Test
    void aClosedIncidentRefusesEveryChangeUntilTheCisoReopensItWithAReasonAndItIsReviewedAndClosedAgain() throws Exception {
        long incidentId = breach.closed("Misdirected lab results, closed");
        JsonNode closed = breach.incident(incidentId);
        String closedAt = closed.path("closedAt").asText();
        long obligationId = closed.path("obligations").get(0).path("id").asLong();
        var privacy = breach.privacy;

        assertClosed(privacy.postJson("/api/incidents/" + incidentId + "/facts", "{\"affectedCounts\": {\"US-TX\": 900}}"), incidentId);
        assertClosed(privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv",
                "name,postal_address,email,jurisdiction,contact_valid\nJane Roe,1 Main St Austin TX,,US-TX,true\n"), incidentId);
        assertClosed(send(multipart("/api/incidents/" + incidentId + "/evidence", "sysadmin")), incidentId);
        assertClosed(privacy.postJson("/api/incidents/" + incidentId + "/replan", "{}"), incidentId);
        assertClosed(privacy.postJson("/api/obligations/" + obligationId + "/letters", "{}"), incidentId);
        // The notices page's own endpoints, behind its login form.
        var page = new WebClient(port);
        page.pageLogin("privacy", "demo");
        JsonNode onThePage = json.readTree(page.get("/notices/incidents/" + incidentId).body());
        assertThat(onThePage.path("closed").asBoolean()).isTrue();
        var pageFacts = page.header(onThePage.path("csrf").path("header").asText(), onThePage.path("csrf").path("token").asText())
                .postJson("/notices/incidents/" + incidentId + "/facts", "{\"affectedCounts\": {\"US-TX\": 900}}");
        assertClosed(pageFacts, incidentId);

        JsonNode unchanged = breach.incident(incidentId);
        assertThat(unchanged.path("status").asText()).isEqualTo("CLOSED");
        assertThat(unchanged.path("closedAt").asText()).isEqualTo(closedAt);
        assertThat(new WebClient(port).as("auditor", "demo").get("/api/incidents/" + incidentId + "/evidence").body()).isEqualTo("[]");

        // Reopening: the privacy lead or the CISO, with a reason.
        String reopen = "/api/incidents/" + incidentId + "/reopen";
        for (String user : new String[] {"staff", "manager", "auditor", "sysadmin"}) {
            var refused = new WebClient(port).as(user, "demo").postJson(reopen, "{\"reason\": \"Curious\"}");
            assertThat(refused.statusCode()).as(user).isIn(403, 404);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        var ciso = new WebClient(port).as("ciso", "demo");
        var noReason = ciso.postJson(reopen, "{\"reason\": \"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).path("field").asText()).isEqualTo("reason");

        var reopened = ciso.postJson(reopen, "{\"reason\": \"The lab found 300 more results sent to the same address\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        JsonNode investigating = breach.incident(incidentId);
        assertThat(investigating.path("status").asText()).isEqualTo("REOPENED");
        assertThat(investigating.path("closedAt").isNull()).isTrue();
        assertThat(investigating.path("retainUntil").isNull()).isTrue();
        JsonNode reopening = last(investigating.path("events"));
        assertThat(reopening.path("kind").asText()).isEqualTo("REOPENED");
        assertThat(reopening.path("actor").asText()).isEqualTo("ciso");
        assertThat(reopening.path("reason").asText()).isEqualTo("The lab found 300 more results sent to the same address");
        // As instants, not text: "...03.230Z" comes after "...03Z" although it sorts before it.
        assertThat(java.time.Instant.parse(reopening.path("at").asText())).isAfterOrEqualTo(java.time.Instant.parse(closedAt));
        assertThat(investigating.path("events").findValuesAsText("kind")).containsExactly("CLOSED", "REOPENED");
        assertThat(ciso.postJson(reopen, "{\"reason\": \"Twice\"}").statusCode()).isEqualTo(409);

        // Back at the investigation, a new one: the facts change, the plan follows, a new review closes it again.
        String again = breach.breachInstance(incidentId);
        assertThat(tasks.createTaskQuery().processInstanceId(again).singleResult().getTaskDefinitionKey())
                .isEqualTo(BreachResponseProcess.Task_InvestigateIncident);
        breach.complete(privacy, again, BreachThroughRest.investigation("US-TX: 45"));
        breach.complete(privacy, again, PlannedBreach.riskAssessment());
        breach.runJobs(again);
        breach.sendEveryNotice(incidentId);
        breach.runJobs(again);
        breach.review(incidentId);

        JsonNode closedAgain = breach.incident(incidentId);
        assertThat(closedAgain.path("status").asText()).isEqualTo("CLOSED");
        assertThat(java.time.Instant.parse(closedAgain.path("closedAt").asText())).isAfterOrEqualTo(java.time.Instant.parse(closedAt));
        assertThat(closedAgain.path("retainUntil").asText()).isNotBlank();
        assertThat(closedAgain.path("events").findValuesAsText("kind")).containsExactly("CLOSED", "REOPENED", "CLOSED");
        // Each review's corrective action is one of its own: the second is numbered on, never taken for the first.
        assertThat(correctiveActions.bySource(org.vigil.correctiveaction.ActionSource.INCIDENT_REVIEW, "incident:" + incidentId + ":action:"))
                .extracting(action -> action.source().reference())
                .containsExactly("incident:" + incidentId + ":action:1", "incident:" + incidentId + ":action:2");
    }

    @Test
    void theReviewWaitsForTheFollowUpOfAMissedDeadlineAndAClosedIncidentsLeftoverTaskIsRefused() throws Exception {
        long incidentId = breach.planned("A deadline missed, then closed");
        JsonNode planned = breach.incident(incidentId);
        long missed = planned.path("obligations").get(0).path("id").asLong();
        String missedNotice = breach.obligationInstance(missed);
        // The deadline passes first: marked missed, a follow-up opens beside the notice.
        management.executeJob(management.createJobQuery().processInstanceId(missedNotice).timers().activityId(
                NotificationObligationProcess.BoundaryEvent_DeadlinePassed).singleResult().getId());
        breach.runJobs(missedNotice);
        breach.sendEveryNotice(incidentId);
        breach.runJobs(breach.breachInstance(incidentId));

        var review = breach.completeResponse(breach.privacy, breach.breachInstance(incidentId),
                Map.of("phiLessonsLearned", "Confirm addresses"));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(400);
        assertThat(json.readTree(review.body()).path("message").asText()).contains("Follow up the missed deadline");

        var followUp = tasks.createTaskQuery().processInstanceId(missedNotice)
                .taskDefinitionKey(NotificationObligationProcess.Task_FollowUpMissedNotice).singleResult();
        var done = breach.privacy.postJson("/engine-rest/task/" + followUp.getId() + "/complete", """
                {"variables": {"missedReason": {"value": "late_facts"}, "followUpAction": {"value": "Sent late with the reasons"}}}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        breach.review(incidentId);
        assertThat(breach.incident(incidentId).path("status").asText()).isEqualTo("CLOSED");

        // A task left over from before the review waited for follow-ups (here: put back by the engine's Java API).
        String leftover = runtime.createProcessInstanceByKey(NotificationObligationProcess.KEY).businessKey(NotificationObligationProcess.businessKey(missed))
                .setVariable(NotificationObligationVariables.OBLIGATION_ID.name(), missed).setVariable(NotificationObligationVariables.INCIDENT_ID.name(), incidentId)
                .startBeforeActivity(NotificationObligationProcess.Task_FollowUpMissedNotice).execute().getId();
        String leftoverTask = tasks.createTaskQuery().processInstanceId(leftover).singleResult().getId();
        var refused = breach.privacy.postJson("/engine-rest/task/" + leftoverTask + "/complete", """
                {"variables": {"missedReason": {"value": "oversight"}, "followUpAction": {"value": "Nothing"}}}""");
        assertClosed(refused, incidentId);
        // Tasklist's own API, as the browser calls it.
        var tasklist = new WebClient(port);
        assertThat(tasklist.webappLogin("tasklist", "privacy", "demo").statusCode()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter").statusCode()).isEqualTo(200);
        var inTasklist = tasklist.webappPostJson("/camunda/api/engine/engine/default/task/" + leftoverTask + "/submit-form", """
                {"variables": {"missedReason": {"value": "oversight"}, "followUpAction": {"value": "Nothing"}}}""");
        assertClosed(inTasklist, incidentId);
        assertThat(json.readTree(inTasklist.body()).path("message").asText()).contains("/api/incidents/" + incidentId + "/reopen");
        assertThat(tasks.createTaskQuery().taskId(leftoverTask).singleResult()).isNotNull();
        runtime.deleteProcessInstance(leftover, "test over");

        // The privacy lead of the demo (vigil.breach.privacy-lead) may reopen it too.
        var byTheLead = breach.privacy.postJson("/api/incidents/" + incidentId + "/reopen", "{\"reason\": \"A late notice was never confirmed\"}");
        assertThat(byTheLead.statusCode()).as(byTheLead.body()).isEqualTo(200);
        assertThat(json.readTree(byTheLead.body()).path("status").asText()).isEqualTo("REOPENED");
        assertThat(last(json.readTree(byTheLead.body()).path("events")).path("actor").asText()).isEqualTo("privacy");
    }

    private static void assertClosed(HttpResponse<String> response, long incidentId) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("title").asText()).isEqualTo("Incident closed");
        assertThat(problem.path("detail").asText()).contains("closed", "/api/incidents/" + incidentId + "/reopen");
        assertThat(problem.path("reopen").asText()).isEqualTo("/api/incidents/" + incidentId + "/reopen");
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private HttpRequest multipart(String path, String user) {
        String boundary = "vigil-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"late.log\"\r\n"
                + "Content-Type: text/plain\r\n\r\na late log line\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
