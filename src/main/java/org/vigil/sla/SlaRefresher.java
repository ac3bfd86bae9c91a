package org.vigil.sla;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute (and at start): statuses follow the clock, gauges follow the statuses. Safe on every node. No
 * transaction around it: the sweep's batches each take their own, so a refresh never holds the registry's rows while
 * the engine writes tasks.
 */
@Component
class SlaRefresher {

    private final DeadlineStatusSweep sweep;
    private final DeadlineRepository repository;
    private final SlaMetrics metrics;
    private final SlaDashboard dashboard;

    SlaRefresher(DeadlineStatusSweep sweep, DeadlineRepository repository, SlaMetrics metrics, SlaDashboard dashboard) {
        this.sweep = sweep;
        this.repository = repository;
        this.metrics = metrics;
        this.dashboard = dashboard;
    }

    @Scheduled(fixedDelayString = "${vigil.sla.refresh-every:PT1M}", initialDelay = 0)
    public void refresh() {
        sweep.run();
        metrics.openCounts(repository.countOpenByProcessAndStatus());
        dashboard.invalidate();
    }
}
