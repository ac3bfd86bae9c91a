package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.audit.events.AuditPlanned;
import org.vigil.audit.events.AuditReported;
import org.vigil.correctiveaction.events.CorrectiveActionClosed;
import org.vigil.correctiveaction.events.CorrectiveActionRaised;
import org.vigil.correctiveaction.events.EffectivenessCheckFailed;

/**
 * The dashboard's improvement figures as the corrective-action events make them: open by severity, overdue, audit
 * findings open, mean time to close, failed effectiveness checks; an exercise's actions left out; and audits on
 * schedule from the audit events.
 */
@VigilSpringTest
class ImprovementFiguresIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired SlaRefresher refresher;
    @Value("${vigil.company.zone}") ZoneId zone;

    @Test
    void raisedClosedAndReopenedActionsMoveTheFiguresAndAnExerciseMovesNothing() throws Exception {
        var manager = new WebClient(port).as("manager", "demo");
        JsonNode before = fresh(manager, Instant.now(), summary -> true).path("correctiveActions");
        long id = 9_000_000L + System.nanoTime() % 1_000_000L;
        Instant raised = Instant.now().minus(Duration.ofDays(40));

        publish(new CorrectiveActionRaised(id, "AUDIT_FINDING", "audit:1:finding:1", "major", "it-operations", raised,
                raised.plus(Duration.ofDays(30)), false));
        publish(new CorrectiveActionRaised(id + 1, "INCIDENT_REVIEW", "incident:1:action:1", "minor", "privacy-office", raised,
                raised.plus(Duration.ofDays(90)), false));
        publish(new CorrectiveActionRaised(id + 2, "EXERCISE_GAP", "exercise:1:gap:1", "major", "privacy-office", raised,
                raised.plus(Duration.ofDays(1)), true));
        JsonNode open = fresh(manager, Instant.now(), summary ->
                summary.path("correctiveActions").path("openBySeverity").path("minor").asLong()
                        == before.path("openBySeverity").path("minor").asLong() + 1).path("correctiveActions");
        assertThat(open.path("openBySeverity").path("major").asLong()).isEqualTo(before.path("openBySeverity").path("major").asLong() + 1);
        assertThat(open.path("auditFindingsOpenBySeverity").path("major").asLong())
                .isEqualTo(before.path("auditFindingsOpenBySeverity").path("major").asLong() + 1);
        // The major action was due 10 days ago; the exercise's, overdue too, is not counted.
        assertThat(open.path("overdue").asLong()).isEqualTo(before.path("overdue").asLong() + 1);

        publish(new CorrectiveActionClosed(id, "AUDIT_FINDING", "audit:1:finding:1", "major", raised, raised.plus(Duration.ofDays(20)), false));
        publish(new EffectivenessCheckFailed(id + 1, "INCIDENT_REVIEW", "incident:1:action:1", Instant.now(), 1));
        JsonNode after = fresh(manager, Instant.now(), summary ->
                summary.path("correctiveActions").path("closed").asLong() == before.path("closed").asLong() + 1
                        && summary.path("correctiveActions").path("effectivenessFailures").asLong()
                                == before.path("effectivenessFailures").asLong() + 1).path("correctiveActions");
        assertThat(after.path("openBySeverity").path("major").asLong()).isEqualTo(before.path("openBySeverity").path("major").asLong());
        assertThat(after.path("auditFindingsOpenBySeverity").path("major").asLong())
                .isEqualTo(before.path("auditFindingsOpenBySeverity").path("major").asLong());
        assertThat(after.path("overdue").asLong()).isEqualTo(before.path("overdue").asLong());
        assertThat(after.path("meanDaysToClose").asDouble()).isPositive();

        String csv = manager.get("/api/sla/summary.csv").body();
        assertThat(csv).contains("corrective actions open,minor,now,").contains("corrective actions overdue,,now,")
                .contains("mean time to close an action,,last 365 days,").contains("audit findings open,major,now,");
        assertThat(new WebClient(port).as("admin", "demo").get("/actuator/prometheus").body())
                .containsPattern("vigil_capa_actions_open\\{[^}]*severity=\"minor\"").contains("vigil_capa_actions_overdue{");
    }

    @Test
    void anAuditIsOnScheduleWhenItsFinalReportCameByTheEndOfItsPlannedLastDayInTheCompanyZone() throws Exception {
        var manager = new WebClient(port).as("manager", "demo");
        JsonNode before = fresh(manager, Instant.now(), summary -> true).path("auditsOnSchedule");
        long id = 8_000_000L + System.nanoTime() % 1_000_000L;
        LocalDate today = LocalDate.now(zone);
        // Reported at 23:30 on its last day, company time: on schedule.
        publish(new AuditPlanned(id, "focused", today.minusDays(20), today.minusDays(10)));
        publish(new AuditReported(id, "focused", today.minusDays(10), today.minusDays(10).atTime(23, 30).atZone(zone).toInstant()));
        // Reported the morning after: late.
        publish(new AuditPlanned(id + 1, "comprehensive", today.minusDays(30), today.minusDays(5)));
        publish(new AuditReported(id + 1, "comprehensive", today.minusDays(5), today.minusDays(4).atTime(8, 0).atZone(zone).toInstant()));
        // Planned, its last day still to come: not yet due, so not counted.
        publish(new AuditPlanned(id + 2, "focused", today, today.plusDays(10)));

        JsonNode after = fresh(manager, Instant.now(), summary ->
                summary.path("auditsOnSchedule").path("due").asLong() == before.path("due").asLong() + 2).path("auditsOnSchedule");
        assertThat(after.path("onSchedule").asLong()).isEqualTo(before.path("onSchedule").asLong() + 1);
        assertThat(manager.get("/api/sla/summary.csv").body()).contains("internal audits on schedule,,last 365 days,");
    }

    private void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** The figures are recorded after commit: wait for a summary computed after {@code notBefore} that shows them. */
    private JsonNode fresh(WebClient manager, Instant notBefore, Predicate<JsonNode> condition) {
        var summary = new AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            refresher.refresh();
            var response = manager.get("/api/sla/summary");
            assertThat(response.statusCode()).isEqualTo(200);
            summary.set(json.readTree(response.body()));
            return !Instant.parse(summary.get().path("asOf").asText()).isBefore(notBefore) && condition.test(summary.get());
        });
        return summary.get();
    }
}
