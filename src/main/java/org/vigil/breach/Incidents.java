package org.vigil.breach;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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
    private final Clock clock;
    private final int retentionYears;

    Incidents(IncidentRepository incidents, ObligationRepository obligations, BreachResponseProcess process, Clock clock,
            @Value("${vigil.breach.retention-years:6}") int retentionYears) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.process = process;
        this.clock = clock;
        this.retentionYears = retentionYears;
    }

    /** Records a report and starts its breach response; the same external reference twice gives the same incident. */
    @Transactional
    public Reported report(IncidentReport report, String reportedBy) {
        if (report.externalReference() != null) {
            Optional<Incident> existing = incidents.findByExternalReference(report.externalReference());
            if (existing.isPresent()) {
                return new Reported(existing.get().id(), false);
            }
        }
        var incident = incidents.saveAndFlush(new Incident(report, reportedBy, clock.instant()));
        incident.startedAs(process.start(incident.id(), reportedBy));
        return new Reported(incident.id(), true);
    }

    /** For a process started from the Tasklist form: the incident row, without starting another process. */
    @Transactional
    long recordStartedFromForm(IncidentReport report, String reportedBy, String processInstanceId) {
        var incident = incidents.save(new Incident(report, reportedBy, clock.instant()));
        incident.startedAs(processInstanceId);
        return incidents.saveAndFlush(incident).id();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentView> view(long id, String viewer, Collection<String> viewerGroups) {
        return incidents.findById(id)
                .filter(incident -> viewerGroups.stream().anyMatch(OVERSIGHT_GROUPS::contains) || incident.reportedBy().equals(viewer))
                .map(this::toView);
    }

    @Transactional
    void classify(long incidentId, String category, String severity) {
        require(incidentId).classified(category, severity);
    }

    @Transactional
    void moveTo(long incidentId, IncidentStatus status) {
        require(incidentId).moveTo(status);
    }

    @Transactional
    void recordFacts(long incidentId, String factsJson) {
        require(incidentId).recordFacts(factsJson);
    }

    @Transactional
    void recordRiskAssessment(long incidentId, String assessmentJson) {
        require(incidentId).recordRiskAssessment(assessmentJson);
    }

    @Transactional
    void recordReview(long incidentId, String reviewJson) {
        require(incidentId).recordReview(reviewJson);
    }

    /** Closes the incident; its record is kept {@code vigil.breach.retention-years} (six, 164.530(j)) after closure. */
    @Transactional
    void close(long incidentId, ZoneId zone) {
        var now = clock.instant();
        require(incidentId).close(now, now.atZone(zone).toLocalDate().plusYears(retentionYears));
    }

    Incident require(long incidentId) {
        return incidents.findById(incidentId)
                .orElseThrow(() -> new IllegalStateException("Incident " + incidentId + " does not exist"));
    }

    private IncidentView toView(Incident incident) {
        List<IncidentView.ObligationView> duties = obligations.findByIncidentIdOrderByTargetDeadline(incident.id()).stream()
                .map(Obligation::toView).toList();
        return new IncidentView(incident.id(), incident.externalReference(), incident.title(), incident.description(),
                incident.occurredAt(), incident.discoveredAt(), incident.containedAt(), incident.discoveredBy(), incident.systemsInvolved(),
                incident.dataCategories(), incident.affectedEstimate(), incident.reportedBy(), incident.status().name(),
                incident.category(), incident.severity(), incident.createdAt(), incident.closedAt(), incident.retainUntil(),
                duties);
    }
}
