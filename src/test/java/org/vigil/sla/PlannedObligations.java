package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.vigil.WebClient;
import org.vigil.breach.PlannedBreach;

/**
 * A breach discovered 57 days ago and planned: its notices to individuals fall due within days, each a privacy-office
 * obligation whose process waits at "Prepare the notice". For the dashboard's tests, which read what the page shows.
 */
record PlannedObligations(long incidentId, String title, Map<Long, String> processOfObligation) {

    static final ObjectMapper json = new ObjectMapper();

    /** The obligations due within {@code days} days, by id, each with its process instance. */
    static PlannedObligations report(int port, RuntimeService runtime, TaskService tasks, ManagementService management, int days)
            throws Exception {
        // The title is PHI in the real world: the dashboard must never show it.
        String title = "Ward 7 discharge letters " + Long.toHexString(System.nanoTime());
        var reported = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "%s", "discoveredAt": "%s", "affectedEstimate": {"US-TX": 3}}"""
                .formatted(title, OffsetDateTime.now(ZoneOffset.UTC).minusDays(57).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        PlannedBreach.plan(incidentId, "US-TX: 3", runtime, tasks, management);

        var incident = json.readTree(new WebClient(port).as("privacy", "demo").get("/api/incidents/" + incidentId).body());
        Map<Long, String> processes = new LinkedHashMap<>();
        Instant horizon = Instant.now().plus(Duration.ofDays(days));
        for (JsonNode obligation : incident.path("obligations")) {
            if (Instant.parse(obligation.path("targetDeadline").asText()).isBefore(horizon)
                    && !obligation.path("status").asText().equals("WITHDRAWN")) {
                long id = obligation.path("id").asLong();
                processes.put(id, PlannedBreach.obligationProcess(runtime, id));
            }
        }
        assertThat(processes).as("obligations due within %d days", days).isNotEmpty();
        return new PlannedObligations(incidentId, title, processes);
    }

    /** How the dashboard's rows name this incident: "..., incident 42". */
    String incidentLabel() {
        return "incident " + incidentId;
    }
}
