package org.vigil.sla;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every minute (and at start): statuses follow the clock, gauges follow the statuses. Safe on every node. */
@Component
class SlaRefresher {

    private final Deadlines deadlines;
    private final DeadlineRepository repository;
    private final SlaMetrics metrics;
    private final SlaDashboard dashboard;

    SlaRefresher(Deadlines deadlines, DeadlineRepository repository, SlaMetrics metrics, SlaDashboard dashboard) {
        this.deadlines = deadlines;
        this.repository = repository;
        this.metrics = metrics;
        this.dashboard = dashboard;
    }

    @Scheduled(fixedDelayString = "${vigil.sla.refresh-every:PT1M}", initialDelay = 0)
    @Transactional
    public void refresh() {
        deadlines.refresh();
        metrics.openCounts(repository.countOpenByProcessAndStatus());
        dashboard.invalidate();
    }
}
