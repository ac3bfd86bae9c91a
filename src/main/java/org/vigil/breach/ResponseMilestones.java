package org.vigil.breach;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moments a breach response is measured by (A.5.26): when containment ended. Recorded with the incident and
 * announced as an event, so that the SLA dashboard computes its figures from these dates and not from how long tasks
 * stayed open in Tasklist.
 */
@Service
class ResponseMilestones {

    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResponseMilestones(IncidentRepository incidents, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** Containment ended at {@code at}: refused in the future or before the incident was discovered. */
    @Transactional
    void contained(long incidentId, Instant at) {
        if (at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("Field containedAt lies in the future: record when containment ended");
        }
        var incident = incidents.findById(incidentId)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " does not exist"));
        if (at.isBefore(incident.discoveredAt())) {
            throw new IllegalArgumentException("Field containedAt lies before the incident was discovered (" + incident.discoveredAt()
                    + "): record when containment ended");
        }
        incident.contained(at);
        events.publishEvent(new IncidentContained(incidentId, incident.discoveredAt(), at));
    }
}
