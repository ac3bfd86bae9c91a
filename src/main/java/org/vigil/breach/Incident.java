package org.vigil.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vigil.platform.EncryptedText;

/** A reported security incident. Text that may hold patient data is encrypted at rest. */
@Entity
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_reference")
    private String externalReference;

    @Convert(converter = EncryptedText.class)
    @Column(nullable = false, columnDefinition = "text")
    private String title;

    @Convert(converter = EncryptedText.class)
    @Column(columnDefinition = "text")
    private String description;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "discovered_at", nullable = false)
    private Instant discoveredAt;

    /** The recorded end of containment (a fact of the incident, not the completion time of the task). */
    @Column(name = "contained_at")
    private Instant containedAt;

    /** What was done to contain it, as IT operations recorded it; free text, so encrypted. */
    @Convert(converter = EncryptedText.class)
    @Column(name = "containment_summary", columnDefinition = "text")
    private String containmentSummary;

    @Convert(converter = EncryptedText.class)
    @Column(name = "discovered_by", columnDefinition = "text")
    private String discoveredBy;

    @Convert(converter = EncryptedText.class)
    @Column(name = "systems_involved", columnDefinition = "text")
    private String systemsInvolved;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "data_categories", nullable = false, length = 1000)
    private List<String> dataCategories;

    @Convert(converter = JsonColumns.CountsByJurisdiction.class)
    @Column(name = "affected_estimate", nullable = false, length = 2000)
    private Map<String, Integer> affectedEstimate;

    @Column(name = "reported_by", nullable = false, length = 64)
    private String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private IncidentStatus status;

    @Column(length = 60)
    private String category;

    @Column(length = 20)
    private String severity;

    /** Investigation facts as JSON (counts, data elements, encryption, law enforcement, GDPR, NIS2). */
    @Column(columnDefinition = "text")
    private String facts;

    /** The uploaded list of the affected is the whole list: only then may it lower the estimate. */
    @Column(name = "affected_list_complete", nullable = false)
    private boolean affectedListComplete;

    /** The HIPAA four-factor assessment, its rationales and conclusion, as JSON; rationales may cite patient data. */
    @Convert(converter = EncryptedText.class)
    @Column(name = "risk_assessment", columnDefinition = "text")
    private String riskAssessment;

    /** Lessons learned and corrective actions, as JSON. */
    @Convert(converter = EncryptedText.class)
    @Column(columnDefinition = "text")
    private String review;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "retain_until")
    private LocalDate retainUntil;

    /** A breach-response exercise (V028): everything that follows from it is marked, sends nothing out and counts in no figure. */
    @Column(nullable = false)
    private boolean exercise;

    @Version
    private long version;

    protected Incident() {}

    Incident(IncidentReport report, String reportedBy, Instant createdAt) {
        this.externalReference = report.externalReference();
        this.title = report.title();
        this.description = report.description();
        this.occurredAt = report.occurredAt() == null ? null : report.occurredAt().toInstant();
        this.discoveredAt = report.discoveredAt().toInstant();
        this.discoveredBy = report.discoveredBy();
        this.systemsInvolved = report.systemsInvolved() == null ? null : String.join("\n", report.systemsInvolved());
        this.dataCategories = report.dataCategories() == null ? List.of() : List.copyOf(report.dataCategories());
        this.affectedEstimate = report.wholeEstimate();
        this.reportedBy = reportedBy;
        this.status = IncidentStatus.REPORTED;
        this.createdAt = createdAt;
    }

    Long id() { return id; }
    String externalReference() { return externalReference; }
    String title() { return title; }
    String description() { return description; }
    Instant occurredAt() { return occurredAt; }
    void occurred(Instant at) { this.occurredAt = at; }
    Instant discoveredAt() { return discoveredAt; }
    Instant containedAt() { return containedAt; }
    String containmentSummary() { return containmentSummary; }
    String discoveredBy() { return discoveredBy; }
    List<String> systemsInvolved() { return systemsInvolved == null ? List.of() : List.of(systemsInvolved.split("\n")); }
    List<String> dataCategories() { return dataCategories; }
    Map<String, Integer> affectedEstimate() { return affectedEstimate; }
    String reportedBy() { return reportedBy; }
    IncidentStatus status() { return status; }
    String category() { return category; }
    String severity() { return severity; }
    String facts() { return facts; }
    String riskAssessment() { return riskAssessment; }
    boolean affectedListComplete() { return affectedListComplete; }
    void affectedListIs(boolean complete) { this.affectedListComplete = complete; }
    String processInstanceId() { return processInstanceId; }
    Instant createdAt() { return createdAt; }
    Instant closedAt() { return closedAt; }
    LocalDate retainUntil() { return retainUntil; }

    boolean exercise() { return exercise; }

    /** Marked before its response starts, so that the first card and the first mail already say so. */
    void markExercise() { this.exercise = true; }

    void startedAs(String processInstanceId) { this.processInstanceId = processInstanceId; }

    void classified(String category, String severity) {
        requireOpen();
        this.category = category;
        this.severity = severity;
        advanceTo(IncidentStatus.TRIAGED);
    }

    void moveTo(IncidentStatus status) {
        requireOpen();
        advanceTo(status);
    }

    /**
     * The lifecycle only moves forward: a step recorded again (the facts stated again, a plan made again) leaves an
     * incident that is further on where it is, so a correction never sends a notifying incident back to the
     * investigation. Only a reopened incident starts again, from the investigation.
     */
    private void advanceTo(IncidentStatus next) {
        if (status == IncidentStatus.REOPENED || next.compareTo(status) > 0) {
            this.status = next;
        }
    }

    /**
     * Containment ended at {@code at}. The status becomes CONTAINED only from an earlier step: a late correction
     * of the time never sends an incident that is already being notified back in its lifecycle.
     */
    void contained(Instant at, String summary) {
        this.containedAt = at;
        if (summary != null) {
            this.containmentSummary = summary;
        }
        if (status.compareTo(IncidentStatus.CONTAINED) < 0) {
            this.status = IncidentStatus.CONTAINED;
        }
    }

    void recordFacts(String factsJson) {
        requireOpen();
        this.facts = factsJson;
        advanceTo(IncidentStatus.INVESTIGATED);
    }

    /** A correction of the facts is no new investigation: the incident stays at its step (notifying, say). */
    void correctFacts(String factsJson) {
        requireOpen();
        this.facts = factsJson;
    }

    void recordRiskAssessment(String assessmentJson) {
        requireOpen();
        this.riskAssessment = assessmentJson;
        advanceTo(IncidentStatus.ASSESSED);
    }

    void recordReview(String reviewJson) {
        requireOpen();
        this.review = reviewJson;
        advanceTo(IncidentStatus.REVIEW);
    }

    String review() { return review; }

    /** False when it was closed already (a closing step run twice): nothing changes then. */
    boolean close(Instant at, LocalDate retainUntil) {
        if (isClosed()) {
            return false;
        }
        this.closedAt = at;
        this.retainUntil = retainUntil;
        this.status = IncidentStatus.CLOSED;
        return true;
    }

    boolean isClosed() { return status == IncidentStatus.CLOSED; }

    /** Closed means closed: every change of a closed incident is refused until it is reopened. */
    void requireOpen() {
        if (isClosed()) {
            throw new IncidentClosedException(id, closedAt);
        }
    }

    /**
     * Back to the investigation: open again, without a closing date or a retention date, which the next closure sets
     * anew. The closure it undoes stays in the incident's events, as does who reopened it, when and why.
     */
    void reopen() {
        if (!isClosed()) {
            throw new org.vigil.platform.StateConflict("Incident not closed", "Incident " + id + " is " + status
                    + ": only a closed incident is reopened", java.util.Map.of("incidentId", id, "status", status.name()));
        }
        this.status = IncidentStatus.REOPENED;
        this.closedAt = null;
        this.retainUntil = null;
    }
}
