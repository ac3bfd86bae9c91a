package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * An incident from {@code POST /api/incidents} to closure through the REST APIs on MariaDB, each step completed by
 * the demo user of its group (what Tasklist does); the engine's own jobs (planning, settling, closing) run as the job
 * executor would.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
class IncidentLifecycleIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void aBreachOfFortyTexansGoesFromReportToClosureWithEveryNoticeSentAndItsBasisKept(BreachThroughRest breach) throws Exception {
        var privacy = breach.privacy;
        var sysadmin = breach.sysadmin;
        var reported = sysadmin.postJson("/api/incidents", """
                {"externalReference": "SIEM-LIFECYCLE-%d", "title": "Misdirected lab results",
                 "description": "Results for patients of the east clinic e-mailed to a wrong address",
                 "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 40}}"""
                .formatted(System.nanoTime(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS),
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(reported.statusCode()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        String instance = breach.breachInstance(incidentId);

        breach.complete(privacy, instance, PlannedBreach.triage(40));
        assertThat(status(breach, incidentId)).isEqualTo("TRIAGED");
        // Containment belongs to IT operations: the privacy officer cannot complete it.
        assertThat(breach.completeResponse(privacy, instance, Map.of("containedAt", now())).statusCode()).isNotEqualTo(204);
        breach.complete(sysadmin, instance, Map.of("containedAt", now(), "actIsolated", true));
        breach.complete(privacy, instance, Map.of("affectedCounts", "US-TX: 40", "dataName", true, "dataDiagnosis", true,
                "role", "covered_entity", "lawEnforcementForm", "none"));
        breach.complete(privacy, instance, PlannedBreach.riskAssessment());
        breach.runJobs(instance);

        assertThat(status(breach, incidentId)).isEqualTo("NOTIFYING");
        JsonNode planned = breach.incident(incidentId).path("obligations");
        assertThat(planned.size()).isGreaterThanOrEqualTo(3);
        planned.forEach(obligation -> {
            assertThat(obligation.path("basis").asText()).isNotBlank();
            assertThat(obligation.path("targetDeadline").asText()).isNotBlank();
        });
        // The company's own patients (covered entity): no agreement of the register applies.
        assertThat(planned.findValuesAsText("recipient")).contains("individuals", "hhs").noneMatch(recipient -> recipient.startsWith("counterparty:"));

        // Every notice prepared, approved and sent by first-class mail; a dispatch may plan more, so until none is left open.
        breach.sendEveryNotice(incidentId);
        JsonNode sent = breach.incident(incidentId).path("obligations");
        sent.forEach(obligation -> assertThat(obligation.path("status").asText()).isIn("SENT", "SENT_LATE"));
        assertThat(sent.findValuesAsText("proof")).allMatch(proof -> proof.startsWith("USPS-"));
        breach.runJobs(instance);

        // The post-incident review, then the closure.
        breach.review(incidentId);

        JsonNode closed = breach.incident(incidentId);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("retainUntil").asText()).isNotBlank();
        assertThat(new WebClient(port).as("staff", "demo").get("/api/incidents/" + incidentId).statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).as("auditor", "demo").get("/api/incidents/" + incidentId).statusCode()).isEqualTo(200);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String status(BreachThroughRest breach, long incidentId) throws Exception {
        return breach.incident(incidentId).path("status").asText();
    }
}
