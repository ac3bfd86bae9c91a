package org.vigil.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.accessreview.events.ReviewsClosed;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IncidentReported;
import org.vigil.breach.events.IndividualsNotified;

/**
 * Records what breach and access review announce (an incident reported and contained, its people notified, a review
 * window closed), after their transaction committed and in one of its own. The event publication registry keeps an
 * event until this has run: a failure (the database away for a moment) is submitted again a minute later, as after
 * a crash. Every write is an upsert, so an event delivered twice records the same.
 */
@Component
class AnnouncedFiguresListener {

    private static final Set<Class<?>> HEARD = Set.of(IncidentReported.class, IncidentContained.class, IndividualsNotified.class,
            ReviewsClosed.class);

    private final IncidentResponseTimeRepository responseTimes;
    private final AccessReviewCompletionRepository reviewCompletion;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;

    AnnouncedFiguresListener(IncidentResponseTimeRepository responseTimes, AccessReviewCompletionRepository reviewCompletion,
            IncompleteEventPublications incomplete, Clock clock, SlaSettings settings) {
        this.responseTimes = responseTimes;
        this.reviewCompletion = reviewCompletion;
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = settings.retryAfter();
    }

    @ApplicationModuleListener
    void on(IncidentReported event) {
        responseTimes.recordReported(event.incidentId(), event.discoveredAt());
    }

    @ApplicationModuleListener
    void on(IncidentContained event) {
        responseTimes.recordContained(event.incidentId(), event.discoveredAt(), event.containedAt());
    }

    @ApplicationModuleListener
    void on(IndividualsNotified event) {
        responseTimes.recordIndividualsNotified(event.incidentId(), event.discoveredAt(), event.lastNoticeSentAt());
    }

    @ApplicationModuleListener
    void on(ReviewsClosed event) {
        reviewCompletion.record(event.campaignId(), event.items(), event.decided(), event.closedAt());
    }

    @Scheduled(fixedDelayString = "${vigil.sla.retry-every:PT1M}", initialDelayString = "${vigil.sla.retry-every:PT1M}")
    void resubmitFailedRecords() {
        incomplete.resubmitIncompletePublications(publication -> HEARD.contains(publication.getEvent().getClass())
                && publication.getPublicationDate().isBefore(clock.instant().minus(retryAfter)));
    }
}
