package org.vigil.breach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The incidents input of a management review (ISO 27001 9.3 c) 2), A.5.24-5.27): the incidents discovered in the
 * period with patient data involved, by category and severity as the classification recorded them; the mean time to
 * contain and to notify the people affected, over the incidents contained or notified in the period, against the
 * containment policy ({@link ContainmentTargets}) and the obligations' own deadlines; notices sent late and obligations
 * missed. Exercises count nowhere. Read from breach's own tables ({@code incident}, {@code notification_obligation},
 * instants in UTC as Hibernate writes them), so a past period reads the same later, except that an incident classified
 * or assessed after a first reading joins its period.
 */
@Component
class IncidentReviewInput implements ReviewInputSource {

    static final String KEY = "incidents";
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

    /**
     * Patient data was involved: the classification says it is a patient-data breach, or the triage's answer sent the
     * incident to the breach risk assessment (164.402), which only incidents involving patient data reach.
     */
    static final String PATIENT_DATA = "(i.category = 'patient_data_breach' or i.risk_assessment is not null)";

    private static final String INDIVIDUALS = "('" + String.join("', '", ResponseMilestones.INDIVIDUAL_RECIPIENTS.stream().sorted().toList()) + "')";

    private final JdbcClient jdbc;
    private final ContainmentTargets targets;
    private final Clock clock;

    IncidentReviewInput(JdbcClient jdbc, ContainmentTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "monthly", "annual");
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewInput read(ReviewPeriod period) {
        var from = utc(period.from());
        var to = utc(period.to());
        List<ReviewFigure> figures = new ArrayList<>();
        List<ReviewItem> items = new ArrayList<>();

        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        SEVERITIES.forEach(severity -> bySeverity.put(severity, 0L));
        long[] total = {0};
        jdbc.sql("select coalesce(i.category, 'unclassified'), coalesce(i.severity, 'unclassified'), count(*) from incident i "
                        + "where i.exercise = false and i.discovered_at >= :from and i.discovered_at < :to and " + PATIENT_DATA
                        + " group by 1, 2")
                .param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    long n = rs.getLong(3);
                    byCategory.merge(rs.getString(1), n, Long::sum);
                    bySeverity.merge(rs.getString(2), n, Long::sum);
                    total[0] += n;
                });
        String discovered = "incidents discovered in the period with patient data involved, exercises excluded";
        figures.add(count("patient-data", "Incidents with patient data involved", total[0], discovered));
        byCategory.forEach((category, n) -> figures.add(count("category." + category, "Category " + category, n, discovered)));
        bySeverity.forEach((severity, n) -> figures.add(count("severity." + severity, "Severity " + severity, n, discovered)));

        // Time to contain: discovery to the end of containment as IT operations recorded it, by severity against the policy.
        Map<String, double[]> contained = new LinkedHashMap<>();
        jdbc.sql("select coalesce(i.severity, 'unclassified'), count(*), avg(timestampdiff(second, i.discovered_at, i.contained_at)) "
                        + "from incident i where i.exercise = false and i.contained_at >= :from and i.contained_at < :to and "
                        + PATIENT_DATA + " group by 1")
                .param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    contained.put(rs.getString(1), new double[] {rs.getLong(2), rs.getDouble(3)});
                });
        long containedCount = contained.values().stream().mapToLong(v -> (long) v[0]).sum();
        double containedSeconds = contained.values().stream().mapToDouble(v -> v[0] * v[1]).sum();
        figures.add(new ReviewFigure(KEY + ".contain.mean-hours", "Mean time to contain", containedCount == 0 ? null
                : hours(containedSeconds / containedCount), "hours", containedCount + " incidents with patient data contained in the period,"
                + " from discovery to the end of containment", null));
        for (String severity : SEVERITIES) {
            double[] row = contained.get(severity);
            var target = targets.forSeverity(severity);
            figures.add(new ReviewFigure(KEY + ".contain.mean-hours." + severity, "Mean time to contain, severity " + severity,
                    row == null ? null : hours(row[1]), "hours",
                    (row == null ? 0 : (long) row[0]) + " " + severity + " incidents contained in the period; policy: " + target.words(),
                    target.hours()));
        }

        // Time to notify: discovery to the last notice the people affected were owed, over incidents whose last one went
        // out in the period; the target is what the obligations' own deadlines allowed those incidents, on average.
        var notified = jdbc.sql("select count(*), avg(timestampdiff(second, discovered_at, last_sent)), avg(timestampdiff(second, discovered_at, last_due)) "
                        + "from (select i.id, i.discovered_at, max(o.sent_at) last_sent, max(o.target_deadline) last_due, "
                        + "sum(o.status not in ('SENT', 'SENT_LATE')) unsent from incident i join notification_obligation o on o.incident_id = i.id "
                        + "where i.exercise = false and " + PATIENT_DATA + " and o.recipient in " + INDIVIDUALS + " and o.status <> 'WITHDRAWN' "
                        + "group by i.id, i.discovered_at) n where n.unsent = 0 and n.last_sent >= :from and n.last_sent < :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2), rs.getObject(3)}).single();
        long notifiedCount = (Long) notified[0];
        figures.add(new ReviewFigure(KEY + ".notify.mean-days", "Mean time to notify individuals",
                notified[1] == null ? null : days(((Number) notified[1]).doubleValue()), "days",
                notifiedCount + " incidents whose last notice to the people affected was sent in the period, from discovery to that notice;"
                        + " target: the mean time the obligations' own deadlines allowed them (HIPAA 164.404(b), state laws, GDPR Art. 34)",
                notified[2] == null ? null : days(((Number) notified[2]).doubleValue())));

        // Notices sent in the period, those sent after their deadline, and obligations whose deadline passed unsent.
        long sent = jdbc.sql("select count(*) from notification_obligation o join incident i on i.id = o.incident_id "
                        + "where i.exercise = false and o.status in ('SENT', 'SENT_LATE') and o.sent_at >= :from and o.sent_at < :to")
                .param("from", from).param("to", to).query(Long.class).single();
        figures.add(count("obligations.sent", "Notices sent", sent, "notices of every recipient sent in the period"));
        List<ReviewItem> lateItems = jdbc.sql("select o.id, o.incident_id, o.rule_id, o.jurisdiction, o.recipient, o.target_deadline, o.sent_at, o.status "
                        + "from notification_obligation o join incident i on i.id = o.incident_id where i.exercise = false and "
                        + "((o.status = 'SENT_LATE' and o.sent_at >= :from and o.sent_at < :to) "
                        + "or (o.status = 'MISSED' and o.target_deadline >= :from and o.target_deadline < :to)) order by o.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> obligationItem(rs)).list();
        long sentLate = lateItems.stream().filter(item -> item.text().contains(" sent late ")).count();
        figures.add(count("obligations.sent-late", "Notices sent late", sentLate,
                "notices sent in the period after their deadline (status SENT_LATE)"));
        figures.add(count("obligations.missed", "Obligations missed", lateItems.size() - sentLate,
                "obligations whose deadline fell in the period and passed without the notice (status MISSED)"));
        items.addAll(lateItems);

        return new ReviewInput(KEY, "Security incidents with patient data involved", "9.3 c) 2) monitoring and measurement results: incidents",
                "Breach response (incidents and notification obligations)", clock.instant(), true, List.copyOf(figures), List.copyOf(items),
                List.of("Patient data involved: classified as a patient-data breach, or sent to the breach risk assessment by the triage.",
                        "Exercises (breach-response drills) are excluded from every figure.",
                        "Containment targets from the SLA policy (seeds/sla/policies.yaml, Task_ContainIncident by severity)."));
    }

    private static ReviewItem obligationItem(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        Instant due = instant(rs, "target_deadline");
        Instant sentAt = instant(rs, "sent_at");
        String text = "incident " + rs.getLong("incident_id") + ", " + rs.getString("jurisdiction") + ": " + rs.getString("recipient")
                + " (" + rs.getString("rule_id") + ")" + (status.equals("SENT_LATE") ? " sent late " + sentAt + ", due " + due : " missed, due " + due);
        return new ReviewItem("obligation:" + rs.getLong("id"), text, null);
    }

    private static ReviewFigure count(String key, String label, long value, String basis) {
        return new ReviewFigure(KEY + "." + key, label, (double) value, "count", basis, null);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static double hours(double seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }

    static double days(double seconds) {
        return Math.round(seconds / 864.0) / 100.0;
    }
}
