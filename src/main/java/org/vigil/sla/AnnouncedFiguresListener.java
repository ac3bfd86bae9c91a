package org.vigil.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanySettings;
import org.vigil.accessreview.events.ReviewsClosed;
import org.vigil.audit.events.AuditPlanned;
import org.vigil.audit.events.AuditReported;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IncidentReported;
import org.vigil.breach.events.IndividualsNotified;
import org.vigil.correctiveaction.events.CorrectiveActionClosed;
import org.vigil.correctiveaction.events.CorrectiveActionRaised;
import org.vigil.correctiveaction.events.EffectivenessCheckFailed;

/**
 * Records what breach, access review and corrective action announce (an incident reported and contained, its people
 * notified, a review window closed, an action raised, closed or reopened, an audit planned or reported), after their transaction committed and in one of its own. The event publication registry keeps an
 * event until this has run: a failure (the database away for a moment) is submitted again a minute later, as after
 * a crash. Every write is an upsert, so an event delivered twice records the same.
 */
@Component
class AnnouncedFiguresListener {

    private static final Set<Class<?>> HEARD = Set.of(IncidentReported.class, IncidentContained.class, IndividualsNotified.class,
            ReviewsClosed.class, CorrectiveActionRaised.class, CorrectiveActionClosed.class, EffectivenessCheckFailed.class,
            AuditPlanned.class, AuditReported.class);

    private final IncidentResponseTimeRepository responseTimes;
    private final AccessReviewCompletionRepository reviewCompletion;
    private final ImprovementFigures improvement;
    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration retryAfter;

    AnnouncedFiguresListener(IncidentResponseTimeRepository responseTimes, AccessReviewCompletionRepository reviewCompletion,
            ImprovementFigures improvement, IncompleteEventPublications incomplete, Clock clock, SlaSettings settings,
            CompanySettings company) {
        this.zone = company.zone();
        this.responseTimes = responseTimes;
        this.reviewCompletion = reviewCompletion;
        this.improvement = improvement;
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

    /** An exercise's actions practise the process: they stay out of the real figures. */
    @ApplicationModuleListener
    void on(CorrectiveActionRaised event) {
        if (!event.exercise()) {
            improvement.raised(event.actionId(), event.sourceType(), event.severity(), event.ownerGroup(), event.raisedAt(), event.dueAt());
        }
    }

    @ApplicationModuleListener
    void on(CorrectiveActionClosed event) {
        if (!event.exercise()) {
            improvement.closed(event.actionId(), event.sourceType(), event.severity(), event.raisedAt(), event.closedAt());
        }
    }

    @ApplicationModuleListener
    void on(EffectivenessCheckFailed event) {
        improvement.reopened(event.actionId(), event.reopenCount());
    }

    @ApplicationModuleListener
    void on(AuditPlanned event) {
        improvement.auditPlanned(event.auditId(), event.kind(), endOfDay(event.plannedEnd()));
    }

    @ApplicationModuleListener
    void on(AuditReported event) {
        improvement.auditReported(event.auditId(), event.kind(), endOfDay(event.plannedEnd()), event.reportedAt());
    }

    /** A planned last day ends at midnight in the company's zone: a report issued that evening is on schedule. */
    private Instant endOfDay(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Scheduled(fixedDelayString = "${vigil.sla.retry-every:PT1M}", initialDelayString = "${vigil.sla.retry-every:PT1M}")
    void resubmitFailedRecords() {
        incomplete.resubmitIncompletePublications(publication -> HEARD.contains(publication.getEvent().getClass())
                && publication.getPublicationDate().isBefore(clock.instant().minus(retryAfter)));
    }
}
