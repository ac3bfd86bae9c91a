package org.vigil.sla;

import java.time.Clock;
import java.time.Instant;
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
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The corrective-action input of a management review (ISO 27001 9.3 c) 1), 10.2): from the SLA capability's record of
 * every action ({@code corrective_action_figure}, fed by the corrective-action events, exercises left out): the actions
 * open by severity at the end of the period and those of them past their due date, the actions raised and closed in
 * it, the mean time to close, and the effectiveness checks that failed. An action reopened by a failed check loses its
 * earlier closing date, so a period read again after a reopening counts that action open.
 */
@Component
class CorrectiveActionReviewInput implements ReviewInputSource {

    static final String KEY = "corrective-actions";
    static final List<String> SEVERITIES = List.of("major", "minor", "improvement");

    private final JdbcClient jdbc;
    private final Clock clock;

    CorrectiveActionReviewInput(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        Instant from = period.from();
        Instant to = period.to();
        String openAtEnd = "raised_at < :to and (closed_at is null or closed_at >= :to)";
        Map<String, Long> open = new LinkedHashMap<>();
        SEVERITIES.forEach(severity -> open.put(severity, 0L));
        jdbc.sql("select severity, count(*) from corrective_action_figure where " + openAtEnd + " group by severity")
                .param("to", to).query((java.sql.ResultSet rs) -> {
                    open.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        long overdue = jdbc.sql("select count(*) from corrective_action_figure where " + openAtEnd + " and due_at < :to")
                .param("to", to).query(Long.class).single();
        long raised = jdbc.sql("select count(*) from corrective_action_figure where raised_at >= :from and raised_at < :to")
                .param("from", from).param("to", to).query(Long.class).single();
        var closed = jdbc.sql("select count(*), avg(timestampdiff(second, raised_at, closed_at)) from corrective_action_figure "
                        + "where closed_at >= :from and closed_at < :to")
                .param("from", from).param("to", to).query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2)}).single();
        long failures = jdbc.sql("select coalesce(sum(reopen_count), 0) from corrective_action_figure where raised_at >= :from and raised_at < :to")
                .param("from", from).param("to", to).query(Long.class).single();

        List<ReviewFigure> figures = new ArrayList<>();
        String atEnd = "actions raised before the end of the period and not closed by then";
        open.forEach((severity, n) -> figures.add(count("open." + severity, "Open actions: " + severity, n, atEnd)));
        figures.add(count("open", "Open actions", open.values().stream().mapToLong(Long::longValue).sum(), atEnd));
        figures.add(count("overdue", "Overdue actions", overdue, atEnd + ", past their due date at the end of the period"));
        figures.add(count("raised", "Actions raised", raised, "actions raised in the period"));
        figures.add(count("closed", "Actions closed", (Long) closed[0], "actions closed in the period"));
        figures.add(new ReviewFigure(KEY + ".mean-days-to-close", "Mean time to close", closed[1] == null ? null
                : Math.round(((Number) closed[1]).doubleValue() / 864.0) / 100.0, "days",
                closed[0] + " actions closed in the period, from raising to closing", null));
        figures.add(count("effectiveness-failures", "Effectiveness checks failed", failures,
                "checks that reopened an action, counted on the actions raised in the period"));
        return new ReviewInput(KEY, "Nonconformities and corrective actions", "9.3 c) 1) nonconformities and corrective actions",
                "SLA (corrective-action figures, from the corrective-action events)", clock.instant(), true, List.copyOf(figures), List.of(),
                List.of("Actions of breach-response exercises are left out.",
                        "Severities: major and minor nonconformities, improvement actions (seeds/correctiveaction/severity-policy.yaml)."));
    }

    private static ReviewFigure count(String key, String label, long value, String basis) {
        return new ReviewFigure(KEY + "." + key, label, (double) value, "count", basis, null);
    }
}
