package org.vigil.breach;

import org.vigil.breach.events.IncidentClosed;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IncidentReported;
import org.vigil.breach.events.IndividualsNotified;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moments a breach response is measured by (A.5.26, 164.404(b)): when containment ended and when the last person
 * owed an individual notice was notified. Recorded with the incident and announced as events, so that the SLA
 * dashboard computes its figures from these dates and not from how long tasks stayed open in Tasklist. An exercise's
 * moments are recorded with its incident but never announced: they count in no real figure (its report has them).
 */
@Service
class ResponseMilestones {

    /** Recipients whose notice goes to the people affected (HIPAA 164.404, state laws; GDPR Art. 34). */
    static final Set<String> INDIVIDUAL_RECIPIENTS = Set.of("individuals", "data_subjects");

    private final IncidentRepository incidents;
    private final ObligationRepository obligations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResponseMilestones(IncidentRepository incidents, ObligationRepository obligations, ApplicationEventPublisher events, Clock clock) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.events = events;
        this.clock = clock;
    }

    /** The incident was reported: the first moment of its response, from which the others are measured. */
    void reported(Incident incident) {
        if (incident.exercise()) {
            return;
        }
        events.publishEvent(new IncidentReported(incident.id(), incident.discoveredAt(), incident.createdAt()));
    }

    /**
     * The incident was closed: announced with its severity (a high or critical one starts a risk assessment), an
     * exercise's marked as such so that it starts nothing real. After the response, never on the intake's path.
     */
    void closed(Incident incident, Instant at) {
        events.publishEvent(new IncidentClosed(incident.id(), incident.severity(), at, incident.exercise()));
    }

    /**
     * Containment ended at {@code at}, after what {@code summary} says was done (null: nothing said, an earlier summary
     * stays): refused in the future or before the incident was discovered.
     */
    @Transactional
    void contained(long incidentId, Instant at, String summary) {
        if (at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("Field 'Contained at' (containedAt) lies in the future: record when containment ended");
        }
        var incident = incidents.findById(incidentId)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " does not exist"));
        if (at.isBefore(incident.discoveredAt())) {
            throw new IllegalArgumentException("Field 'Contained at' (containedAt) lies before the incident was discovered (" + incident.discoveredAt()
                    + "): record when containment ended");
        }
        incident.contained(at, summary);
        if (incident.exercise()) {
            return;
        }
        events.publishEvent(new IncidentContained(incidentId, incident.discoveredAt(), at));
    }

    /**
     * An obligation of the incident was sent or withdrawn. When it leaves no individual notice unsent, the people
     * are notified: at the sending date of the last individual notice.
     */
    @Transactional
    void individualNoticesChanged(long incidentId) {
        lastIndividualNotice(obligations.findByIncidentIdOrderByTargetDeadline(incidentId)).ifPresent(last -> {
            var incident = incidents.findById(incidentId)
                    .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " does not exist"));
            if (incident.exercise()) {
                return;
            }
            events.publishEvent(new IndividualsNotified(incidentId, incident.discoveredAt(), last));
        });
    }

    /** The sending date of the last individual notice, once none is left unsent; withdrawn duties do not count. */
    static Optional<Instant> lastIndividualNotice(Collection<Obligation> obligations) {
        var owed = obligations.stream().filter(ResponseMilestones::isIndividual)
                .filter(obligation -> obligation.status() != ObligationStatus.WITHDRAWN).toList();
        if (owed.isEmpty() || !owed.stream().allMatch(Obligation::isSent)) {
            return Optional.empty();
        }
        return owed.stream().map(Obligation::sentAt).max(Comparator.naturalOrder());
    }

    static boolean isIndividual(Obligation obligation) {
        return INDIVIDUAL_RECIPIENTS.contains(obligation.recipient());
    }
}
