package org.vigil.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA capability's record of corrective actions and audits (tables {@code corrective_action_figure} and
 * {@code audit_schedule_figure}), written from the corrective-action and audit events and read for the dashboard. Every write is an upsert or an update that gives the same row
 * when an event is delivered twice.
 */
@Repository
class ImprovementFigures {

    /**
     * Audits whose planned last day of fieldwork ended in the period, and how many of them issued their final report by
     * the end of that day; the rate is null when none was due.
     */
    record AuditSchedule(long onSchedule, long due, Double rate) {}

    /** What the dashboard shows of corrective actions; the mean is null when no action closed in the period. */
    record CorrectiveActionFigures(Map<String, Long> openBySeverity, long overdue, Map<String, Long> auditFindingsOpenBySeverity,
            long closed, Double meanDaysToClose, long effectivenessFailures) {}

    private final JdbcClient jdbc;

    ImprovementFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void raised(long actionId, String sourceType, String severity, String ownerGroup, Instant raisedAt, Instant dueAt) {
        jdbc.sql("insert into corrective_action_figure (action_id, source_type, severity, owner_group, raised_at, due_at) "
                        + "values (:id, :source, :severity, :group, :raised, :due) "
                        + "on duplicate key update due_at = coalesce(values(due_at), due_at)")
                .param("id", actionId).param("source", sourceType).param("severity", severity).param("group", ownerGroup)
                .param("raised", raisedAt).param("due", dueAt).update();
    }

    void closed(long actionId, String sourceType, String severity, Instant raisedAt, Instant closedAt) {
        jdbc.sql("insert into corrective_action_figure (action_id, source_type, severity, raised_at, closed_at) "
                        + "values (:id, :source, :severity, :raised, :closed) on duplicate key update closed_at = values(closed_at)")
                .param("id", actionId).param("source", sourceType).param("severity", severity)
                .param("raised", raisedAt).param("closed", closedAt).update();
    }

    /** A failed check reopens the action: it counts as open again, and the failure is counted once per reopening. */
    void reopened(long actionId, int reopenCount) {
        jdbc.sql("update corrective_action_figure set closed_at = null, reopen_count = greatest(reopen_count, :count) where action_id = :id")
                .param("id", actionId).param("count", reopenCount).update();
    }

    void auditPlanned(long auditId, String kind, Instant plannedEnd) {
        jdbc.sql("insert into audit_schedule_figure (audit_id, kind, planned_end) values (:id, :kind, :end) "
                        + "on duplicate key update planned_end = values(planned_end)")
                .param("id", auditId).param("kind", kind).param("end", plannedEnd).update();
    }

    void auditReported(long auditId, String kind, Instant plannedEnd, Instant reportedAt) {
        jdbc.sql("insert into audit_schedule_figure (audit_id, kind, planned_end, reported_at) values (:id, :kind, :end, :reported) "
                        + "on duplicate key update planned_end = coalesce(values(planned_end), planned_end), reported_at = values(reported_at)")
                .param("id", auditId).param("kind", kind).param("end", plannedEnd).param("reported", reportedAt).update();
    }

    AuditSchedule auditSchedule(Instant now, Duration period) {
        var row = jdbc.sql("select count(*), coalesce(sum(reported_at is not null and reported_at <= planned_end), 0) "
                        + "from audit_schedule_figure where planned_end >= :since and planned_end < :now")
                .param("since", now.minus(period)).param("now", now)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new AuditSchedule(row[1], row[0], row[0] == 0 ? null : (double) row[1] / row[0]);
    }

    CorrectiveActionFigures figures(Instant now, Duration period) {
        Map<String, Long> open = bySeverity("select severity, count(*) from corrective_action_figure where closed_at is null group by severity");
        Map<String, Long> findings = bySeverity("select severity, count(*) from corrective_action_figure "
                + "where closed_at is null and source_type = 'AUDIT_FINDING' group by severity");
        long overdue = jdbc.sql("select count(*) from corrective_action_figure where closed_at is null and due_at < :now")
                .param("now", now).query(Long.class).single();
        Instant since = now.minus(period);
        var closed = jdbc.sql("select count(*), avg(timestampdiff(second, raised_at, closed_at)) from corrective_action_figure "
                        + "where closed_at >= :since")
                .param("since", since).query((rs, row) -> new Object[] {rs.getLong(1), rs.getObject(2)}).single();
        Double meanSeconds = closed[1] == null ? null : ((Number) closed[1]).doubleValue();
        long failures = jdbc.sql("select coalesce(sum(reopen_count), 0) from corrective_action_figure where raised_at >= :since")
                .param("since", since).query(Long.class).single();
        return new CorrectiveActionFigures(open, overdue, findings, (Long) closed[0],
                meanSeconds == null ? null : Math.round(meanSeconds / 864.0) / 100.0, failures);
    }

    private Map<String, Long> bySeverity(String sql) {
        Map<String, Long> counts = new TreeMap<>(Map.of("major", 0L, "minor", 0L, "improvement", 0L));
        jdbc.sql(sql).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
