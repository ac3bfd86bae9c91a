package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IncidentReported;

/**
 * What breach tells the other capabilities is a past-tense event, kept in Spring Modulith's event publication
 * registry until each listener in another capability has handled it, so a crash between the two loses nothing.
 */
@VigilSpringTest
@ExtendWith(BreachThroughRest.OnTheRunningVigil.class)
@EnableScenarios
class BreachEventsIT {

    @LocalServerPort int port;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aReportIsAnnouncedAndTheSlaListsTheIncidentAsNotYetContained() throws Exception {
        var discoveredAt = BreachThroughRest.now().minusHours(2);
        var reference = "SIEM-EVENTS-" + System.nanoTime();
        assertThat(new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", """
                {"externalReference": "%s", "title": "Lost badge", "discoveredAt": "%s",
                 "dataCategories": ["name"], "affectedEstimate": {"US-TX": 3}}""".formatted(reference, discoveredAt))
                .statusCode()).isEqualTo(201);
        long incidentId = jdbc.queryForObject("select id from incident where external_reference = ?", Long.class, reference);

        // Published in the request's transaction (a Tomcat thread, so not seen by a Scenario) and completed by the SLA's listener.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                select count(*) from EVENT_PUBLICATION where EVENT_TYPE = ? and LISTENER_ID like 'org.vigil.sla.%'
                and SERIALIZED_EVENT like ? and COMPLETION_DATE is not null""", Integer.class,
                IncidentReported.class.getName(), "%\"incidentId\":" + incidentId + ",%") == 1);
        // Listed by the SLA from the report on: discovered, and neither contained nor notified yet.
        assertThat(new WebClient(port).as("manager", "demo").get("/api/sla/response-times.csv").body().lines())
                .contains(incidentId + "," + discoveredAt.toInstant() + ",,,,");
    }

    @Test
    void theEndOfContainmentIsAnnouncedAndTheSlaHearsItThroughTheRegistry(Scenario scenario, BreachThroughRest breach) throws Exception {
        long incidentId = breach.reported("Stolen laptop, contained");
        String instance = breach.breachInstance(incidentId);
        breach.complete(breach.privacy, instance, PlannedBreach.triage(40));
        var containedAt = BreachThroughRest.now().minusHours(3);
        var discoveredAt = java.time.OffsetDateTime.parse(breach.incident(incidentId).path("discoveredAt").asText()).toInstant();
        String containment = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(BreachResponseProcess.Task_ContainIncident).singleResult().getId();

        scenario.stimulate(() -> tasks.complete(containment, Map.of("containedAt", containedAt.toString())))
                .andWaitForEventOfType(IncidentContained.class)
                .matching(event -> event.incidentId() == incidentId)
                .toArriveAndVerify(event -> {
                    assertThat(event.containedAt()).isEqualTo(containedAt.toInstant());
                    assertThat(event.discoveredAt()).isEqualTo(discoveredAt);
                });

        // The SLA capability's listener ran after the commit and the registry marked its publication complete.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                select count(*) from EVENT_PUBLICATION where EVENT_TYPE = ? and LISTENER_ID like 'org.vigil.sla.%'
                and SERIALIZED_EVENT like ? and COMPLETION_DATE is not null""", Integer.class,
                IncidentContained.class.getName(), "%\"incidentId\":" + incidentId + ",%") == 1);
    }
}
