package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.breach.BreachResponseProcess;
import org.vigil.breach.events.NoticeDispatched;
import org.vigil.breach.events.ObligationScheduled;
import org.vigil.breach.events.ObligationWithdrawn;

/** The deadline registry follows user tasks and other capabilities' deadlines through completion, escalation and miss. */
@VigilSpringTest
class DeadlineRegistryIT {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired Deadlines deadlines;
    @Autowired SlaRefresher refresher;
    @Autowired SlaDigest digest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aUserTaskWithADueDateIsTrackedAndMetWhenCompletedInTime() {
        var instance = runtime.startProcessInstanceByKey("isms-follow-up",
                Map.of("topic", "policy-review", "candidateGroup", "managers", "dueDate", "2031-01-15"));
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        assertThat(deadlines.statusOf(DeadlineSpec.USER_TASK, task.getId())).contains(DeadlineStatus.OPEN);
        assertThat(jdbc.queryForObject("select owner_group from deadline_entry where source_id = ?", String.class, task.getId()))
                .isEqualTo("managers");

        tasks.complete(task.getId(), Map.of("outcome", "done"));
        assertThat(deadlines.statusOf(DeadlineSpec.USER_TASK, task.getId())).contains(DeadlineStatus.MET);
    }

    @Test
    void anOpenDeadlineBecomesAtRiskThenOverdueAndIsMissedWhenCompletedLate() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deadlines.track(spec(id, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(1))));
        refresher.refresh();
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.AT_RISK);

        deadlines.track(spec(id, now.minus(Duration.ofDays(10)), now.minus(Duration.ofMinutes(1))));
        refresher.refresh();
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.OVERDUE);

        deadlines.complete(DeadlineSpec.OBLIGATION, id, now);
        deadlines.complete(DeadlineSpec.OBLIGATION, id, now.plus(Duration.ofDays(3)));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.MISSED);
        // Vigil's tables keep instants in UTC (hibernate.jdbc.time_zone); the first completion stands.
        var utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        Instant completedAt = jdbc.queryForObject("select completed_at from deadline_entry where source_id = ?",
                (row, n) -> row.getTimestamp(1, utc).toInstant(), id);
        assertThat(completedAt).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void aDeadlineCancelledAndTrackedAgainIsOwedAgainAndMissedWhenCompletedLate() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deadlines.track(spec(id, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));
        deadlines.cancel(DeadlineSpec.OBLIGATION, id);
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.CANCELLED);

        // A withdrawn notice that a later plan finds again.
        deadlines.track(spec(id, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.OVERDUE);
        deadlines.complete(DeadlineSpec.OBLIGATION, id, now);
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.MISSED);
    }

    @Test
    void anObligationFollowsBreachEventsAndANoticeSentLateIsNeverOnTime() {
        long obligationId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1_000_000_000L;
        String id = Long.toString(obligationId);
        Instant now = Instant.now();
        Instant planned = now.minus(Duration.ofDays(1));
        events.publishEvent(new ObligationScheduled(obligationId, 7, "individuals", "US", "Notice to individuals (US)", "privacy-office",
                null, planned, now.plus(Duration.ofDays(30)), null, null));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.OPEN);
        assertThat(jdbc.queryForObject("select process_key from deadline_entry where source_type = 'obligation' and source_id = ?",
                String.class, id)).isEqualTo(BreachResponseProcess.KEY);

        events.publishEvent(new ObligationWithdrawn(obligationId, 7));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.CANCELLED);
        events.publishEvent(new ObligationScheduled(obligationId, 7, "individuals", "US", "Notice to individuals (US)", "privacy-office",
                null, planned, now.plus(Duration.ofDays(30)), null, null));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.OPEN);

        // Breach judged it late (its deadline had moved earlier than the one the registry was told): late it stays.
        events.publishEvent(new NoticeDispatched(obligationId, 7, "hipaa-individual", "individuals", now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(1)), true));
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.MISSED);
    }

    @Test
    void statusesFollowTheClockAfterARestartToo() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deadlines.track(spec(id, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5))));
        // What a node that was down while the deadline passed finds in the table:
        jdbc.update("update deadline_entry set due_at = ?, status = 'OPEN' where source_id = ?",
                java.sql.Timestamp.from(now.minus(Duration.ofHours(1))), id);

        refresher.refresh();
        assertThat(deadlines.statusOf(DeadlineSpec.OBLIGATION, id)).contains(DeadlineStatus.OVERDUE);
    }

    @Test
    void theDailyDigestTellsManagersWhatIsOverdueInTheirGroups() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        deadlines.track(spec(id, now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(2))));
        refresher.refresh();
        LocalDate day = LocalDate.of(2030, 1, (int) (Math.abs(id.hashCode()) % 28) + 1);

        assertThat(digest.send(day)).isTrue();
        assertThat(digest.send(day)).as("one digest a day").isFalse();

        // The day in words, the owner group by its name: the company's words, not codes.
        String subject = "SLA digest " + java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH).format(day);
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.withSubject(subject).isEmpty());
        var mail = TestMailServer.withSubject(subject).get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("manager@vigil.example");
        assertThat(mail.getContent().toString()).contains("Notice " + id.substring(0, 8), "Privacy office:").doesNotContain("privacy-office");
    }

    private static DeadlineSpec spec(String id, Instant created, Instant due) {
        return new DeadlineSpec(DeadlineSpec.OBLIGATION, id, BreachResponseProcess.KEY, "individuals", null, null,
                "Notice " + id.substring(0, 8), "privacy-office", created, due, null, null);
    }
}
