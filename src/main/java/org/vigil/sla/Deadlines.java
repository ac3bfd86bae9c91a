package org.vigil.sla;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deadline registry: capabilities track their deadlines here and report when they are done. */
@Service
public class Deadlines {

    private final DeadlineRepository deadlines;
    private final SlaMetrics metrics;
    private final Clock clock;

    Deadlines(DeadlineRepository deadlines, SlaMetrics metrics, Clock clock) {
        this.deadlines = deadlines;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts watching a deadline, or moves it if it is watched already (a re-plan, a changed due date). */
    @Transactional
    public void track(DeadlineSpec spec) {
        var now = clock.instant();
        deadlines.findBySourceTypeAndSourceId(spec.sourceType(), spec.sourceId())
                .ifPresentOrElse(entry -> entry.update(spec, now), () -> deadlines.save(new DeadlineEntry(spec, now)));
    }

    /** A deadline seen for the first time (a task just created): inserted without looking for an earlier entry. */
    @Transactional
    public void trackNew(DeadlineSpec spec) {
        deadlines.save(new DeadlineEntry(spec, clock.instant()));
    }

    /** Done: met if on time, missed if late. Completing twice changes nothing. */
    @Transactional
    public void complete(String sourceType, String sourceId, Instant at) {
        complete(sourceType, sourceId, at, false);
    }

    /**
     * Done at {@code at}, the moment the thing happened (a notice's sending date, not when it was recorded). Missed if
     * that is after the due time, and always if {@code late}: the owner, who knows the deadline best, judged it late,
     * and a late notice must never count as on time whatever due time the registry holds.
     */
    @Transactional
    public void complete(String sourceType, String sourceId, Instant at, boolean late) {
        deadlines.findBySourceTypeAndSourceId(sourceType, sourceId).ifPresent(entry -> {
            boolean wasOpen = entry.completedAt() == null;
            entry.complete(at, late);
            if (wasOpen) {
                metrics.completed(entry.processKey(), java.time.Duration.between(entry.dueAt(), at));
            }
        });
    }

    /** No longer owed (its process was cancelled): left out of the on-time figures. */
    @Transactional
    public void cancel(String sourceType, String sourceId) {
        deadlines.findBySourceTypeAndSourceId(sourceType, sourceId).ifPresent(entry -> entry.cancel(clock.instant()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<DeadlineStatus> statusOf(String sourceType, String sourceId) {
        return deadlines.findBySourceTypeAndSourceId(sourceType, sourceId).map(DeadlineEntry::status);
    }
}
