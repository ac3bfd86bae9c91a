package org.vigil.sla;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.platform.OncePerCluster;

/**
 * Every minute (and at start): statuses follow the clock, once per minute in a cluster whichever node gets there
 * first; each node's gauges and dashboard cache then follow the statuses. No transaction around it: the sweep's
 * batches each take their own, so a refresh never holds the registry's rows while the engine writes tasks.
 */
@Component
class SlaRefresher {

    private final DeadlineStatusSweep sweep;
    private final DeadlineRepository repository;
    private final SlaMetrics metrics;
    private final SlaDashboard dashboard;
    private final OncePerCluster cluster;
    private final Duration every;
    private final ImprovementFigures improvement;
    private final org.vigil.risk.RiskFigures risks;
    private final java.time.Clock clock;

    SlaRefresher(DeadlineStatusSweep sweep, DeadlineRepository repository, SlaMetrics metrics, SlaDashboard dashboard,
            OncePerCluster cluster, @Value("${vigil.sla.refresh-every:PT1M}") Duration every, ImprovementFigures improvement,
            java.time.Clock clock, org.vigil.risk.RiskFigures risks) {
        this.risks = risks;
        this.improvement = improvement;
        this.clock = clock;
        this.sweep = sweep;
        this.repository = repository;
        this.metrics = metrics;
        this.dashboard = dashboard;
        this.cluster = cluster;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${vigil.sla.refresh-every:PT1M}", initialDelay = 0)
    void onSchedule() {
        cluster.run("sla-refresh", every, sweep::run);
        followStatuses();
    }

    /** The sweep at once, whatever another node did this period (the sweep is safe to repeat). */
    public void refresh() {
        sweep.run();
        followStatuses();
    }

    private void followStatuses() {
        metrics.openCounts(repository.countOpenByProcessAndStatus());
        dashboard.invalidate();
        metrics.correctiveActions(improvement.figures(clock.instant(), java.time.Duration.ofDays(365)));
        metrics.risks(risks.now());
    }
}
