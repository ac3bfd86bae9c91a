package org.vigil.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The SLA input of a management review (ISO 27001 9.1, 9.3 c) 2)): per process, the share of deadlines completed in
 * the period that were met (user tasks, regulatory obligations, access-review items, corrective actions of the
 * deadline registry), as the dashboard counts its quarters; figure keys {@code sla.on-time.<process>}. A deadline keeps
 * its completion and status once completed, so a past period reads the same later.
 */
@Component
class SlaReviewInput implements ReviewInputSource {

    static final String KEY = "sla";

    private final DeadlineRepository deadlines;
    private final Clock clock;

    SlaReviewInput(DeadlineRepository deadlines, Clock clock) {
        this.deadlines = deadlines;
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
        Map<String, long[]> byProcess = new TreeMap<>();
        for (Object[] row : deadlines.onTimeByProcess(period.from(), period.to())) {
            byProcess.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        List<ReviewFigure> figures = new ArrayList<>();
        long met = 0;
        long total = 0;
        for (var entry : byProcess.entrySet()) {
            long[] counts = entry.getValue();
            met += counts[0];
            total += counts[1];
            figures.add(rate("on-time." + entry.getKey(), "On time: " + entry.getKey(), counts[0], counts[1]));
        }
        figures.add(rate("on-time", "On time: every process", met, total));
        return new ReviewInput(KEY, "Deadlines met per process", "9.3 c) 2) monitoring and measurement results: SLA",
                "SLA (deadline registry)", clock.instant(), true, List.copyOf(figures), List.of(),
                List.of("Deadlines completed in the period, met or missed; those still open are not counted."));
    }

    static ReviewFigure rate(String key, String label, long met, long total) {
        return new ReviewFigure(KEY + "." + key, label, total == 0 ? null : Math.round(1000.0 * met / total) / 10.0, "percent",
                met + " of " + total + " deadlines completed in the period were met", null);
    }
}
