package org.vigil.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;
import org.vigil.platform.CompanySettings;

/**
 * The audit input of a management review (ISO 27001 9.3 c) 3), audit results): the audits whose planned last day of
 * fieldwork fell in the period (a date in the company's zone) and those closed in it, the final report issued by the
 * end of that planned day (on schedule, as the SLA dashboard counts it from AuditReported), the findings recorded in
 * the period by kind, and the findings still open at its end; one item per audit of the period. Read from the audit
 * tables, where a closed audit no longer changes and a finding keeps when it was recorded and closed.
 */
@Component
class AuditReviewInput implements ReviewInputSource {

    static final String KEY = "audits";
    static final List<String> KINDS = List.of("major", "minor", "observation", "improvement");

    record AuditRow(long id, String kind, int year, Integer quarter, LocalDate plannedStart, LocalDate plannedEnd,
            Instant finalReportAt, Instant closedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    AuditReviewInput(JdbcClient jdbc, Clock clock, CompanySettings company) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = company.zone();
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "annual");
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewInput read(ReviewPeriod period) {
        var from = Timestamp.from(period.from());
        var to = Timestamp.from(period.to());
        LocalDate firstDay = period.from().atZone(zone).toLocalDate();
        LocalDate dayAfter = period.to().atZone(zone).toLocalDate();
        List<AuditRow> audits = jdbc.sql("select a.id, a.kind, a.programme_year, a.programme_quarter, a.planned_start, a.planned_end, a.closed_at, "
                        + "(select min(r.created_at) from audit_report r where r.audit_id = a.id and r.stage = 'final') final_report_at "
                        + "from audit a where (a.planned_end >= :firstDay and a.planned_end < :dayAfter) "
                        + "or (a.closed_at >= :from and a.closed_at < :to) order by a.id")
                .param("firstDay", java.sql.Date.valueOf(firstDay)).param("dayAfter", java.sql.Date.valueOf(dayAfter))
                .param("from", from).param("to", to)
                .query((rs, n) -> new AuditRow(rs.getLong("id"), rs.getString("kind"), rs.getInt("programme_year"),
                        (Integer) rs.getObject("programme_quarter", Integer.class), date(rs.getDate("planned_start")), date(rs.getDate("planned_end")),
                        instant(rs.getTimestamp("final_report_at")), instant(rs.getTimestamp("closed_at"))))
                .list();
        var plannedInPeriod = audits.stream().filter(a -> a.plannedEnd() != null && !a.plannedEnd().isBefore(firstDay) && a.plannedEnd().isBefore(dayAfter)).toList();
        long onSchedule = plannedInPeriod.stream().filter(this::onSchedule).count();
        long closed = audits.stream().filter(a -> a.closedAt() != null && !a.closedAt().isBefore(period.from()) && a.closedAt().isBefore(period.to())).count();

        Map<String, Long> recorded = countsByKind("select kind, count(*) from audit_finding where recorded_at >= :from and recorded_at < :to group by kind", from, to);
        Map<String, Long> open = countsByKind("select kind, count(*) from audit_finding where recorded_at < :to and status <> 'NO_ACTION' "
                + "and (closed_at is null or closed_at >= :to) group by kind", from, to);

        List<ReviewFigure> figures = new ArrayList<>();
        String planned = "audits whose planned last day of fieldwork fell in the period (company zone)";
        figures.add(count("planned", "Audits due to finish", plannedInPeriod.size(), planned));
        figures.add(count("on-schedule", "Audits reported on schedule", onSchedule, planned + " with their final report issued by the end of that day"));
        figures.add(new ReviewFigure(KEY + ".on-schedule-rate", "Audits on schedule", plannedInPeriod.isEmpty() ? null
                : Math.round(1000.0 * onSchedule / plannedInPeriod.size()) / 10.0, "percent", planned, null));
        figures.add(count("closed", "Audits closed", closed, "audits closed in the period (every finding's action settled)"));
        recorded.forEach((kind, n) -> figures.add(count("findings." + kind, "Findings recorded: " + kind, n, "findings recorded in the period")));
        open.forEach((kind, n) -> figures.add(count("findings.open." + kind, "Findings open: " + kind, n,
                "findings recorded before the end of the period and not closed by then (those needing no action left out)")));

        Map<Long, Map<String, Long>> findingsByAudit = new LinkedHashMap<>();
        jdbc.sql("select audit_id, kind, count(*) from audit_finding where audit_id in (:ids) group by audit_id, kind")
                .param("ids", audits.isEmpty() ? List.of(-1L) : audits.stream().map(AuditRow::id).toList())
                .query((java.sql.ResultSet rs) -> {
                    findingsByAudit.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        List<ReviewItem> items = audits.stream().map(a -> new ReviewItem("audit:" + a.id(), text(a, findingsByAudit.getOrDefault(a.id(), Map.of())), null)).toList();
        return new ReviewInput(KEY, "Internal audits", "9.3 c) 3) audit results", "Internal audit (audits, reports, findings)",
                clock.instant(), true, List.copyOf(figures), items, List.of());
    }

    /** The final report by midnight ending the planned last day, in the company's zone. */
    private boolean onSchedule(AuditRow audit) {
        return audit.finalReportAt() != null && !audit.finalReportAt().isAfter(audit.plannedEnd().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private String text(AuditRow audit, Map<String, Long> findings) {
        var text = new StringBuilder("audit " + audit.id() + " (" + audit.kind() + ", " + audit.year()
                + (audit.quarter() == null ? "" : " Q" + audit.quarter()) + ")");
        text.append(": planned ").append(audit.plannedStart() == null ? "-" : audit.plannedStart()).append(" to ")
                .append(audit.plannedEnd() == null ? "-" : audit.plannedEnd());
        text.append(", final report ").append(audit.finalReportAt() == null ? "none" : audit.finalReportAt().atZone(zone).toLocalDate()
                + (audit.plannedEnd() != null && onSchedule(audit) ? " (on schedule)" : " (late)"));
        text.append(", ").append(audit.closedAt() == null ? "open" : "closed " + audit.closedAt().atZone(zone).toLocalDate());
        text.append("; findings: ");
        text.append(String.join(", ", KINDS.stream().map(kind -> findings.getOrDefault(kind, 0L) + " " + kind).toList()));
        return text.toString();
    }

    private Map<String, Long> countsByKind(String sql, Timestamp from, Timestamp to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind, 0L));
        var statement = jdbc.sql(sql).param("to", to);
        if (sql.contains(":from")) {
            statement = statement.param("from", from);
        }
        statement.query((java.sql.ResultSet rs) -> {
            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        });
        return counts;
    }

    private static ReviewFigure count(String key, String label, long value, String basis) {
        return new ReviewFigure(KEY + "." + key, label, (double) value, "count", basis, null);
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
