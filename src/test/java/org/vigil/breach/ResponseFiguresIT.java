package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * The SLA dashboard's response times measure the breach, not its tasks: a breach driven through the REST APIs by the
 * demo users, contained two days after its discovery and with its individual notice sent ninety days after it (late),
 * shows a time to contain of two days, a time to notify of ninety and a late notice counted late. The summary covers
 * every incident in the shared test database, so the test reads what this incident adds to it.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class ResponseFiguresIT {

    static final ObjectMapper json = new ObjectMapper();
    /** Notices to the people affected: HIPAA and state laws' individuals, GDPR's data subjects. */
    static final java.util.Set<String> INDIVIDUAL_RECIPIENTS = java.util.Set.of("individuals", "data_subjects");

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void timeToContainAndToNotifyRunFromTheDiscoveryAndANoticeSentLateCountsLate(BreachThroughRest breach) throws Exception {
        var privacy = breach.privacy;
        var sysadmin = breach.sysadmin;
        var manager = new WebClient(port).as("manager", "demo");
        Instant discovered = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.SECONDS);
        Instant contained = discovered.plus(Duration.ofDays(2));
        JsonNode before = freshSummary(manager, Instant.now());

        long incidentId = reported(sysadmin, discovered);
        String instance = breach.breachInstance(incidentId);
        breach.complete(privacy, instance, PlannedBreach.triage(40));
        breach.complete(sysadmin, instance, Map.of("containedAt", contained.toString(), "actIsolated", true));
        JsonNode afterContainment = breach.incident(incidentId);
        assertThat(afterContainment.path("status").asText()).isEqualTo("CONTAINED");
        assertThat(Instant.parse(afterContainment.path("containedAt").asText())).isEqualTo(contained);

        breach.complete(privacy, instance, Map.of("affectedCounts", "US-TX: 40", "dataName", true, "dataDiagnosis", true,
                "role", "covered_entity", "lawEnforcementForm", "none"));
        assertThat(breach.incident(incidentId).path("status").asText()).isEqualTo("INVESTIGATED");
        breach.complete(privacy, instance, PlannedBreach.riskAssessment());
        breach.runJobs(instance);
        assertThat(breach.incident(incidentId).path("status").asText()).isEqualTo("NOTIFYING");

        // The last notice to individuals goes out 90 days after the discovery, any earlier one at 85 days; the notices to
        // others (HHS, the counterparty) at 95, so that a time to notify taken from another notice would show.
        var planned = breach.incident(incidentId).path("obligations");
        long lastIndividual = -1;
        for (JsonNode obligation : planned) {
            if (INDIVIDUAL_RECIPIENTS.contains(obligation.path("recipient").asText())) {
                lastIndividual = Math.max(lastIndividual, obligation.path("id").asLong());
            }
        }
        assertThat(lastIndividual).as("an individual notice is planned").isPositive();
        for (int round = 0; round < 5; round++) {
            var open = tasks.createTaskQuery().processVariableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId)
                    .processDefinitionKey(NotificationObligationProcess.KEY).list();
            if (open.isEmpty()) {
                break;
            }
            for (var task : open) {
                String notice = task.getProcessInstanceId();
                long obligationId = NotificationObligationVariables.OBLIGATION_ID.from(runtime.getVariables(notice));
                boolean individual = INDIVIDUAL_RECIPIENTS.contains(recipientOf(breach, incidentId, obligationId));
                Instant sentAt = discovered.plus(Duration.ofDays(!individual ? 95 : obligationId < lastIndividual ? 85 : 90));
                breach.prepareAndApprove(notice);
                breach.dispatch(notice, Map.of("sentAt", sentAt.toString(), "channel", "first_class_mail", "proof", "USPS-" + task.getId()));
                breach.runJobs(notice);
            }
        }
        JsonNode obligations = breach.incident(incidentId).path("obligations");
        long individualNotices = 0;
        long sentLate = 0;
        for (JsonNode obligation : obligations) {
            assertThat(obligation.path("status").asText()).isIn("SENT", "SENT_LATE");
            if (INDIVIDUAL_RECIPIENTS.contains(obligation.path("recipient").asText())) {
                individualNotices++;
                // HIPAA gives individuals 60 days from the discovery: 85 and 90 are late.
                assertThat(obligation.path("status").asText()).isEqualTo("SENT_LATE");
            }
            if (obligation.path("status").asText().equals("SENT_LATE")) {
                sentLate++;
            }
        }
        assertThat(individualNotices).isPositive();

        JsonNode after = freshSummary(manager, Instant.now(), summary ->
                summary.path("timeToContain").path("incidents").asLong() == before.path("timeToContain").path("incidents").asLong() + 1
                        && summary.path("timeToNotify").path("incidents").asLong() == before.path("timeToNotify").path("incidents").asLong() + 1);
        assertThat(addedHours(before, after, "timeToContain")).isCloseTo(48.0, within(rounding(before, after, "timeToContain")));
        assertThat(addedHours(before, after, "timeToNotify")).isCloseTo(90 * 24.0, within(rounding(before, after, "timeToNotify")));
        assertThat(late(after) - late(before)).as("late deadlines of the breach response").isEqualTo(sentLate);

        var row = responseTimesRow(manager, incidentId);
        assertThat(row.get("contained_at")).isEqualTo(contained.toString());
        assertThat(row.get("hours_to_contain")).isEqualTo("48.00");
        assertThat(row.get("individuals_notified_at")).isEqualTo(discovered.plus(Duration.ofDays(90)).toString());
        assertThat(row.get("days_to_notify")).isEqualTo("90.00");
    }

    @Test
    void containmentIsRefusedWithoutItsEndOrWithAnEndInTheFutureOrBeforeTheDiscovery(BreachThroughRest breach) throws Exception {
        var privacy = breach.privacy;
        var sysadmin = breach.sysadmin;
        Instant discovered = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        long incidentId = reported(sysadmin, discovered);
        String instance = breach.breachInstance(incidentId);
        breach.complete(privacy, instance, PlannedBreach.triage(40));

        for (var refused : java.util.List.<Map<String, Object>>of(
                Map.of("actIsolated", true),
                Map.of("containedAt", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()),
                Map.of("containedAt", discovered.minus(Duration.ofHours(1)).toString()))) {
            var response = breach.completeResponse(sysadmin, instance, refused);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("message").asText()).contains("containedAt");
        }
        JsonNode stillOpen = breach.incident(incidentId);
        assertThat(stillOpen.path("status").asText()).isEqualTo("TRIAGED");
        assertThat(stillOpen.path("containedAt").isNull()).isTrue();

        breach.complete(sysadmin, instance, Map.of("containedAt", discovered.plus(Duration.ofHours(5)).toString()));
        assertThat(breach.incident(incidentId).path("status").asText()).isEqualTo("CONTAINED");
    }

    // ------------------------------------------------------------------ the summary

    private JsonNode freshSummary(WebClient manager, Instant notBefore) {
        return freshSummary(manager, notBefore, summary -> true);
    }

    /** The summary is computed at most every 10 s and fed after commit: wait for one computed after {@code notBefore}. */
    private JsonNode freshSummary(WebClient manager, Instant notBefore, java.util.function.Predicate<JsonNode> condition) {
        var summary = new AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var response = manager.get("/api/sla/summary");
            assertThat(response.statusCode()).isEqualTo(200);
            summary.set(json.readTree(response.body()));
            return !Instant.parse(summary.get().path("asOf").asText()).isBefore(notBefore) && condition.test(summary.get());
        });
        return summary.get();
    }

    /** The hours this test's incident added to the total behind a mean. */
    private static double addedHours(JsonNode before, JsonNode after, String figure) {
        return total(after, figure) - total(before, figure);
    }

    private static double total(JsonNode summary, String figure) {
        JsonNode time = summary.path(figure);
        return time.path("incidents").asLong() == 0 ? 0 : time.path("meanHours").asDouble() * time.path("incidents").asLong();
    }

    /** Means are rounded to hundredths of an hour: the totals recovered from them are as exact as that. */
    private static double rounding(JsonNode before, JsonNode after, String figure) {
        return 0.005 * (before.path(figure).path("incidents").asLong() + after.path(figure).path("incidents").asLong()) + 1e-9;
    }

    /** Late deadlines of the breach response over the dashboard's quarters. */
    private static long late(JsonNode summary) {
        long late = 0;
        for (JsonNode quarter : summary.path("onTimeRateByProcess").path(BreachResponseProcess.KEY)) {
            late += quarter.path("total").asLong() - quarter.path("onTime").asLong();
        }
        return late;
    }

    private static Map<String, String> responseTimesRow(WebClient manager, long incidentId) throws Exception {
        var response = manager.get("/api/sla/response-times.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(response.body()))) {
            return parser.getRecords().stream().filter(record -> record.get("incident").equals(Long.toString(incidentId)))
                    .findFirst().orElseThrow().toMap();
        }
    }

    // ------------------------------------------------------------------ the breach

    private long reported(WebClient sysadmin, Instant discovered) throws Exception {
        var reported = sysadmin.postJson("/api/incidents", """
                {"externalReference": "SIEM-FIGURES-%d", "title": "Misdirected lab results",
                 "description": "Results for patients of the east clinic e-mailed to a wrong address",
                 "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 40}}"""
                .formatted(System.nanoTime(), discovered.minus(Duration.ofDays(1)), discovered));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        return json.readTree(reported.body()).path("id").asLong();
    }

    private static String recipientOf(BreachThroughRest breach, long incidentId, long obligationId) throws Exception {
        for (JsonNode obligation : breach.incident(incidentId).path("obligations")) {
            if (obligation.path("id").asLong() == obligationId) {
                return obligation.path("recipient").asText();
            }
        }
        throw new AssertionError("Obligation " + obligationId + " is not among those of incident " + incidentId);
    }
}
