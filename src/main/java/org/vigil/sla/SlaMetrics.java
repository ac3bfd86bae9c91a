package org.vigil.sla;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigil.risk.RiskFigures;

/**
 * Prometheus: open and overdue deadlines per process (gauges, refreshed with the statuses), how early or late
 * deadlines are completed relative to their due time (hours; negative is early), and corrective actions open per
 * severity and overdue; the risk register's risks above the acceptance threshold, treatment actions overdue and assets
 * not assessed within their period.
 */
@Component
class SlaMetrics {

    private final MeterRegistry registry;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final MultiGauge actionsOpen;
    private final java.util.concurrent.atomic.AtomicLong actionsOverdue = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong risksAboveThreshold = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong riskActionsOverdue = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong assetsUnassessed = new java.util.concurrent.atomic.AtomicLong();

    SlaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.open = MultiGauge.builder("vigil.sla.deadlines.open").description("Open deadlines per process").register(registry);
        this.overdue = MultiGauge.builder("vigil.sla.deadlines.overdue").description("Overdue deadlines per process").register(registry);
        this.actionsOpen = MultiGauge.builder("vigil.capa.actions.open").description("Corrective actions not yet closed, per severity").register(registry);
        registry.gauge("vigil.capa.actions.overdue", actionsOverdue);
        // Prometheus: vigil_risks_above_threshold, vigil_risk_treatment_actions_overdue, vigil_risk_assets_unassessed.
        registry.gauge("vigil.risks.above.threshold", risksAboveThreshold);
        registry.gauge("vigil.risk.treatment.actions.overdue", riskActionsOverdue);
        registry.gauge("vigil.risk.assets.unassessed", assetsUnassessed);
    }

    void completed(String processKey, Duration lateness) {
        DistributionSummary.builder("vigil.sla.completion.relative.to.due")
                .description("Hours between due time and completion; negative is early")
                .baseUnit("hours")
                .tag("process", processKey)
                .publishPercentileHistogram()
                .register(registry)
                .record(lateness.toSeconds() / 3600.0);
    }

    void openCounts(List<Object[]> byProcessAndStatus) {
        Map<String, Long> openByProcess = new HashMap<>();
        Map<String, Long> overdueByProcess = new HashMap<>();
        for (Object[] row : byProcessAndStatus) {
            String process = (String) row[0];
            long count = ((Number) row[2]).longValue();
            openByProcess.merge(process, count, Long::sum);
            if (row[1] == DeadlineStatus.OVERDUE) {
                overdueByProcess.merge(process, count, Long::sum);
            }
            overdueByProcess.putIfAbsent(process, 0L);
        }
        open.register(rows(openByProcess), true);
        overdue.register(rows(overdueByProcess), true);
    }

    void correctiveActions(ImprovementFigures.CorrectiveActionFigures figures) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        figures.openBySeverity().forEach((severity, count) -> rows.add(MultiGauge.Row.of(Tags.of("severity", severity), count)));
        actionsOpen.register(rows, true);
        actionsOverdue.set(figures.overdue());
    }

    void risks(RiskFigures.Figures figures) {
        risksAboveThreshold.set(figures.aboveThreshold());
        riskActionsOverdue.set(figures.treatmentActionsOverdue());
        assetsUnassessed.set(figures.assetsUnassessed());
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((process, count) -> rows.add(MultiGauge.Row.of(Tags.of("process", process), count)));
        return rows;
    }
}
