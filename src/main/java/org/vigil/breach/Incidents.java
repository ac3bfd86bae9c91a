package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.CATEGORY;
import static org.vigil.breach.BreachResponseVariables.SEVERITY;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Incidents from report to closure: the breach capability's public face. */
@Service
public class Incidents {

    /** Groups that see every incident; anyone else sees only the incidents they reported. */
    static final Set<String> OVERSIGHT_GROUPS = Set.of("privacy-office", "ciso", "managers", "auditors", "camunda-admin");

    public record Reported(long incidentId, boolean created) {}

    private final IncidentRepository incidents;
    private final ObligationRepository obligations;
    private final BreachResponseProcess process;
    private final IncidentEvents events;
    private final DispatchCorrections corrections;
    private final ResponseMilestones milestones;
    private final Clock clock;
    private final int retentionYears;
    private final ObjectMapper json;

    Incidents(IncidentRepository incidents, ObligationRepository obligations, BreachResponseProcess process, IncidentEvents events,
            DispatchCorrections corrections, ResponseMilestones milestones, Clock clock, BreachSettings settings,
            ObjectMapper json) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.process = process;
        this.events = events;
        this.corrections = corrections;
        this.milestones = milestones;
        this.clock = clock;
        this.retentionYears = settings.retentionYears();
        this.json = json;
    }

    /** Records a report and starts its breach response; the same external reference twice gives the same incident. */
    @Transactional
    public Reported report(IncidentReport report, String reportedBy) {
        report.check(clock.instant());
        if (report.externalReference() != null) {
            Optional<Incident> existing = incidents.findByExternalReference(report.externalReference());
            if (existing.isPresent()) {
                return new Reported(existing.get().id(), false);
            }
        }
        var incident = incidents.saveAndFlush(new Incident(report, reportedBy, clock.instant()));
        incident.startedAs(process.start(incident.id(), reportedBy));
        milestones.reported(incident);
        return new Reported(incident.id(), true);
    }

    /**
     * The incident of a breach-response exercise, through the same intake as a real report (the same checks, the same
     * process), marked as an exercise before its response starts.
     */
    @Transactional
    Reported reportExercise(IncidentReport report, String startedBy) {
        report.check(clock.instant());
        var incident = new Incident(report, startedBy, clock.instant());
        incident.markExercise();
        incident = incidents.saveAndFlush(incident);
        incident.startedAs(process.start(incident.id(), startedBy, true));
        milestones.reported(incident);
        return new Reported(incident.id(), true);
    }

    /** For a process started from the Tasklist form: the incident row, without starting another process. */
    @Transactional
    long recordStartedFromForm(IncidentReport report, String reportedBy, String processInstanceId) {
        report.check(clock.instant());
        var incident = incidents.save(new Incident(report, reportedBy, clock.instant()));
        incident.startedAs(processInstanceId);
        incident = incidents.saveAndFlush(incident);
        milestones.reported(incident);
        return incident.id();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentView> view(long id, String viewer, Collection<String> viewerGroups) {
        return incidents.findById(id)
                .filter(incident -> viewerGroups.stream().anyMatch(OVERSIGHT_GROUPS::contains) || incident.reportedBy().equals(viewer))
                .map(this::toView);
    }

    /**
     * When the breach happened, as the investigation established it (the reporter may not have known): the notices'
     * date of the breach. Refused in the future or after the discovery.
     */
    @Transactional
    void recordOccurrence(long incidentId, java.time.OffsetDateTime at) {
        var incident = require(incidentId);
        FactChecks.notInFuture(at, clock.instant(), "occurredAt");
        FactChecks.notAfter(at, "occurredAt", incident.discoveredAt().atOffset(at.getOffset()), "discoveredAt");
        incident.occurred(at.toInstant());
    }

    @Transactional
    void classify(long incidentId, String category, String severity) {
        require(incidentId).classified(category, severity);
    }

    @Transactional
    void moveTo(long incidentId, IncidentStatus status) {
        require(incidentId).moveTo(status);
    }

    /** The investigation's facts: the incident is investigated. */
    @Transactional
    void recordFacts(long incidentId, InvestigationFacts facts) {
        require(incidentId).recordFacts(checked(facts));
    }

    /** Facts learnt later ({@code POST /api/incidents/{id}/facts}): stored, the incident stays where it is. */
    @Transactional
    void correctFacts(long incidentId, InvestigationFacts facts) {
        require(incidentId).correctFacts(checked(facts));
    }

    /** Dates of what has happened are not in the future, on every way the facts come in. */
    private String checked(InvestigationFacts facts) {
        Instant now = clock.instant();
        FactChecks.notInFuture(facts.firstKnownToWorkforceAt(), now, "firstKnownToWorkforceAt");
        FactChecks.notInFuture(facts.determinationAt(), now, "determinationAt");
        if (facts.lawEnforcement() != null) {
            FactChecks.notInFuture(facts.lawEnforcement().statementAt(), now, "lawEnforcementStatementAt");
            FactChecks.notInFuture(facts.lawEnforcement().writtenFollowupReceivedAt(), now, "lawEnforcementWrittenAt");
        }
        if (facts.businessAssociate() != null) {
            FactChecks.notInFuture(facts.businessAssociate().discoveredAt(), now, "businessAssociateDiscoveredAt");
            FactChecks.notInFuture(facts.businessAssociate().notifiedCoveredEntityAt(), now, "businessAssociateNotifiedAt");
        }
        if (facts.gdpr() != null) {
            FactChecks.notInFuture(facts.gdpr().awarenessAt(), now, "gdprAwarenessAt");
        }
        try {
            return json.writeValueAsString(facts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Investigation facts cannot be written as JSON", e);
        }
    }

    @Transactional
    void recordListCompleteness(long incidentId, boolean complete) {
        require(incidentId).affectedListIs(complete);
    }

    @Transactional
    void recordRiskAssessment(long incidentId, String assessmentJson) {
        require(incidentId).recordRiskAssessment(assessmentJson);
    }

    @Transactional
    void recordReview(long incidentId, String reviewJson) {
        require(incidentId).recordReview(reviewJson);
    }

    /**
     * Closes the incident; its record is kept {@code vigil.breach.retention-years} (six, 164.530(j)) after closure.
     * The closure is an event of the incident's record, made by the breach process after the review.
     */
    @Transactional
    void close(long incidentId, ZoneId zone) {
        var now = clock.instant();
        var incident = require(incidentId);
        if (incident.close(now, now.atZone(zone).toLocalDate().plusYears(retentionYears))) {
            events.record(incidentId, IncidentEvents.Kind.CLOSED, org.vigil.platform.Actors.VIGIL, now, null);
            milestones.closed(incident, now);
        }
    }

    /**
     * Reopens a closed incident: recorded with who, when and why, and back to the investigation in a new breach
     * response, which ends in a new review and closure. The caller's right to reopen is checked by the caller
     * (the privacy lead or the CISO, {@link IncidentController}); the reason may cite patient data and stays in the
     * encrypted record of events, never in the process.
     */
    @Transactional
    public IncidentView reopen(long incidentId, String reason, String reopenedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFactException("reason", "Field reason is required: say why the closed incident is reopened");
        }
        var incident = require(incidentId);
        String closedBreach = incident.processInstanceId();
        incident.reopen();
        events.record(incidentId, IncidentEvents.Kind.REOPENED, reopenedBy, clock.instant(), reason.strip());
        var variables = new java.util.HashMap<String, Object>(investigationForm(incident));
        if (incident.exercise()) {
            BreachResponseVariables.EXERCISE.put(variables, true);
        }
        if (incident.category() != null) {
            CATEGORY.put(variables, incident.category());
            SEVERITY.put(variables, incident.severity());
        }
        incident.startedAs(process.asVigil(() -> process.reopen(incidentId, incident.reportedBy(), closedBreach, variables)));
        return toView(incident);
    }

    /** Obligations neither sent nor withdrawn: what the breach response still waits for. */
    @Transactional(readOnly = true)
    long openObligations(long incidentId) {
        return obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().filter(obligation -> !obligation.isSettled()).count();
    }

    /** Refuses any change of a closed incident with 409, saying how to reopen it. */
    @Transactional
    void requireOpen(long incidentId) {
        require(incidentId).requireOpen();
    }

    /** The investigation form of a reopened incident shows what the last investigation established. */
    private java.util.Map<String, Object> investigationForm(Incident incident) {
        if (incident.facts() == null) {
            return java.util.Map.of();
        }
        try {
            return InvestigationTaskListener.formValues(json.readValue(incident.facts(), InvestigationFacts.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The stored facts of incident " + incident.id() + " cannot be read", e);
        }
    }

    Incident require(long incidentId) {
        return incidents.findById(incidentId)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " does not exist"));
    }

    private IncidentView toView(Incident incident) {
        List<IncidentView.ObligationView> duties = obligations.findByIncidentIdOrderByTargetDeadline(incident.id()).stream()
                .map(obligation -> obligation.toView().withCorrections(corrections.of(obligation.id()))).toList();
        return new IncidentView(incident.id(), incident.externalReference(), incident.title(), incident.description(),
                incident.occurredAt(), incident.discoveredAt(), incident.containedAt(), incident.discoveredBy(), incident.systemsInvolved(),
                incident.dataCategories(), incident.affectedEstimate(), incident.reportedBy(), incident.status().name(),
                incident.category(), incident.severity(), incident.createdAt(), incident.closedAt(), incident.retainUntil(),
                events.of(incident.id()), duties, incident.exercise());
    }
}
