package org.vigil.sla;

import java.time.Clock;
import java.time.Duration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IndividualsNotified;

/**
 * Records the response times breach announces, after its transaction committed and in one of its own. The event
 * publication registry keeps an event until this has run: a failure (the database away for a moment) is submitted
 * again a minute later, as after a crash.
 */
@Component
class IncidentResponseTimeListener {

    private final IncidentResponseTimeRepository responseTimes;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;

    IncidentResponseTimeListener(IncidentResponseTimeRepository responseTimes, IncompleteEventPublications incomplete, Clock clock,
            SlaSettings settings) {
        this.responseTimes = responseTimes;
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = settings.retryAfter();
    }

    @ApplicationModuleListener
    void on(IncidentContained event) {
        responseTimes.recordContained(event.incidentId(), event.discoveredAt(), event.containedAt());
    }

    @ApplicationModuleListener
    void on(IndividualsNotified event) {
        responseTimes.recordIndividualsNotified(event.incidentId(), event.discoveredAt(), event.lastNoticeSentAt());
    }

    @Scheduled(fixedDelayString = "${vigil.sla.retry-every:PT1M}", initialDelayString = "${vigil.sla.retry-every:PT1M}")
    void resubmitFailedRecords() {
        incomplete.resubmitIncompletePublications(publication ->
                (publication.getEvent() instanceof IncidentContained || publication.getEvent() instanceof IndividualsNotified)
                        && publication.getPublicationDate().isBefore(clock.instant().minus(retryAfter)));
    }
}
