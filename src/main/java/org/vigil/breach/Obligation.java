package org.vigil.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One notification an incident obliges: to whom, under which law, by when. A duty without a fixed legal
 * deadline ("without undue delay") gets an internal target deadline so that it is chased all the same.
 *
 * <p>Longer than our usual class: it is the entity of the breach record, and its state changes (planned, replanned,
 * proposed for withdrawal, kept, withdrawn, sent, corrected, missed) stay beside the fields they guard.
 */
@Entity
@Table(name = "notification_obligation")
class Obligation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "incident_id", nullable = false)
    private long incidentId;

    /** The catalog rule (or {@code contract:<agreement>}) that creates this duty; with the jurisdiction, its identity. */
    @Column(name = "rule_id", nullable = false, length = 100)
    private String ruleId;

    @Column(nullable = false, length = 100)
    private String recipient;

    @Column(nullable = false, length = 20)
    private String jurisdiction;

    @Column(nullable = false, length = 200)
    private String regime;

    @Column(nullable = false, length = 300)
    private String basis;

    @Column(nullable = false, length = 20)
    private String confidence;

    @Column(name = "deadline_rule", nullable = false, length = 200)
    private String deadlineRule;

    private Instant deadline;

    @Column(name = "target_deadline", nullable = false)
    private Instant targetDeadline;

    @Column(name = "hour_based", nullable = false)
    private boolean hourBased;

    @Column(name = "hold_until")
    private Instant holdUntil;

    @Column(name = "alternative_deadline")
    private Instant alternativeDeadline;

    @Column(columnDefinition = "text")
    private String ambiguity;

    @Column(nullable = false, columnDefinition = "text")
    private String computation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ObligationStatus status;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(length = 100)
    private String channel;

    @Column(columnDefinition = "text")
    private String proof;

    @Column(name = "notice_reference", columnDefinition = "text")
    private String noticeReference;

    @jakarta.persistence.Convert(converter = org.vigil.platform.EncryptedText.class)
    @Column(name = "notice_facts", columnDefinition = "text")
    private String noticeFacts;

    /** Why the notice was last sent back from its approval; free text about its wording, so encrypted too. */
    @jakarta.persistence.Convert(converter = org.vigil.platform.EncryptedText.class)
    @Column(name = "send_back_reason", columnDefinition = "text")
    private String sendBackReason;

    @Column(name = "catalog_version", nullable = false, length = 40)
    private String catalogVersion;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** Planned from the report's first facts, before the assessment: its plan takes the duty over or drops it. */
    @Column(nullable = false)
    private boolean provisional;

    /** When the current deadline was set: no reminder fires at the moment of planning. */
    @Column(name = "dates_set_at", nullable = false)
    private Instant datesSetAt;

    /** The plan no longer finds this duty: it stays owed until the privacy office confirms the withdrawal. */
    @Column(name = "withdrawal_proposed_at")
    private Instant withdrawalProposedAt;

    @Column(name = "withdrawal_reason", columnDefinition = "text")
    private String withdrawalReason;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    /** The privacy office kept the duty although the plan no longer found it. */
    @Column(name = "kept_at")
    private Instant keptAt;

    @Column(name = "kept_by", length = 64)
    private String keptBy;

    @Version
    private long version;

    protected Obligation() {}

    Obligation(long incidentId, PlannedDuty duty, String catalogVersion, Instant plannedAt, boolean provisional) {
        this.incidentId = incidentId;
        this.ruleId = duty.ruleId();
        this.recipient = duty.recipient();
        this.jurisdiction = duty.jurisdiction();
        this.status = ObligationStatus.OPEN;
        this.catalogVersion = catalogVersion;
        this.plannedAt = plannedAt;
        this.provisional = provisional;
        replan(duty, catalogVersion, plannedAt);
    }

    /**
     * New facts move an open obligation's dates; a sent one is never changed. A duty "without undue delay" keeps the
     * internal target of its first planning: planning again must not push it further away.
     */
    boolean replan(PlannedDuty duty, String catalogVersion, Instant now) {
        if (isSent()) {
            return false;
        }
        // A row planned before obligations knew their rule is adopted by the duty of its recipient.
        this.ruleId = duty.ruleId();
        Instant newTarget = duty.deadline() == null && targetDeadline != null && deadline == null ? targetDeadline : duty.targetDeadline();
        boolean moved = !newTarget.equals(targetDeadline) || !java.util.Objects.equals(duty.holdUntil(), holdUntil);
        this.regime = duty.regime();
        this.basis = duty.basis();
        this.confidence = duty.confidence();
        this.deadlineRule = duty.deadlineRule();
        this.deadline = duty.deadline();
        this.targetDeadline = newTarget;
        this.hourBased = duty.hourBased();
        this.holdUntil = duty.holdUntil();
        this.alternativeDeadline = duty.alternativeDeadline();
        this.ambiguity = duty.ambiguity();
        this.computation = history(duty.computation());
        this.catalogVersion = catalogVersion;
        if (moved || datesSetAt == null) {
            this.datesSetAt = now;
        }
        // The plan finds the duty again: a pending withdrawal is moot, a decision to keep it no longer needed.
        this.withdrawalProposedAt = null;
        this.withdrawalReason = null;
        this.keptAt = null;
        this.keptBy = null;
        return moved;
    }

    /** The computation of the current plan, after the record of what happened to the duty before (never lost). */
    private String history(String newComputation) {
        if (computation == null) {
            return newComputation;
        }
        int notes = computation.indexOf("\n");
        return notes < 0 ? newComputation : newComputation + computation.substring(notes);
    }

    /**
     * Reminder to the group when a quarter of the time is left, at the latest 7 days (day-based) or 24 hours
     * (hour-based) before the deadline.
     */
    Instant reminderAt() {
        Duration total = Duration.between(plannedAt, targetDeadline);
        Instant quarterLeft = targetDeadline.minus(total.dividedBy(4));
        Instant latest = targetDeadline.minus(hourBased ? Duration.ofHours(24) : Duration.ofDays(7));
        Instant reminder = quarterLeft.isBefore(latest) ? quarterLeft : latest;
        // No reminder at the moment of planning: when its time has already come, the escalation speaks instead.
        return reminder.isAfter(datesSetAt) ? reminder : null;
    }

    /** Escalation to the privacy-office lead and the CISO 48 hours before (12 hours for hour-based deadlines). */
    Instant escalationAt() {
        Instant escalation = targetDeadline.minus(hourBased ? Duration.ofHours(12) : Duration.ofHours(48));
        return escalation.isBefore(datesSetAt) ? datesSetAt : escalation;
    }

    void prepared(String noticeReference, String noticeFacts) {
        this.noticeReference = noticeReference;
        this.noticeFacts = noticeFacts;
        this.status = ObligationStatus.PREPARED;
    }
    void approved() { status = ObligationStatus.APPROVED; }
    void sentBack(String reason) { sendBackReason = reason; }

    void sent(Instant at, String channel, String proof) {
        if (isSent()) {
            throw new IllegalStateException(DispatchCorrections.alreadyRecorded(id));
        }
        this.sentAt = at;
        this.channel = channel;
        this.proof = proof;
        this.status = at.isAfter(targetDeadline) ? ObligationStatus.SENT_LATE : ObligationStatus.SENT;
    }

    /** A correction moved the time it was sent: on time or late follows it. The record first made stays as it was. */
    void dispatchCorrected(Instant correctedSentAt) {
        this.status = correctedSentAt.isAfter(targetDeadline) ? ObligationStatus.SENT_LATE : ObligationStatus.SENT;
    }

    void missed() {
        if (status != ObligationStatus.SENT && status != ObligationStatus.SENT_LATE) {
            status = ObligationStatus.MISSED;
        }
    }

    void startedAs(String processInstanceId) { this.processInstanceId = processInstanceId; }

    Long id() { return id; }
    long incidentId() { return incidentId; }
    String ruleId() { return ruleId; }
    String recipient() { return recipient; }
    String jurisdiction() { return jurisdiction; }
    Instant targetDeadline() { return targetDeadline; }
    Instant holdUntil() { return holdUntil; }
    ObligationStatus status() { return status; }
    boolean hourBased() { return hourBased; }
    Instant sentAt() { return sentAt; }
    String channel() { return channel; }
    String proof() { return proof; }
    Instant plannedAt() { return plannedAt; }
    String noticeReference() { return noticeReference; }
    String noticeFacts() { return noticeFacts; }
    String sendBackReason() { return sendBackReason; }
    String regime() { return regime; }
    String basis() { return basis; }
    Instant deadline() { return deadline; }
    boolean isSent() { return status == ObligationStatus.SENT || status == ObligationStatus.SENT_LATE; }

    /** Nothing more to do: sent, or withdrawn by a re-plan. */
    boolean isSettled() { return isSent() || status == ObligationStatus.WITHDRAWN; }

    void reopen(Instant at) {
        status = ObligationStatus.OPEN;
        withdrawnAt = null;
        withdrawnBy = null;
        computation = computation + "\nOwed again " + at + ": the plan finds this duty once more.";
    }

    /** The plan no longer finds the duty; it stays owed until the privacy office decides. Returns whether it is new. */
    boolean proposeWithdrawal(Instant at, String reason) {
        if (withdrawalProposedAt != null || keptAt != null || !isOpen()) {
            return false;
        }
        withdrawalProposedAt = at;
        withdrawalReason = reason;
        return true;
    }

    /** Withdrawn by the privacy office's confirmation, or by the assessment's plan dropping a provisional duty. */
    void withdraw(Instant at, String by, String reason) {
        status = ObligationStatus.WITHDRAWN;
        withdrawnAt = at;
        withdrawnBy = by;
        withdrawalProposedAt = null;
        withdrawalReason = reason;
        computation = computation + "\nWithdrawn " + at + " by " + by + ": " + reason;
    }

    void keep(Instant at, String by) {
        keptAt = at;
        keptBy = by;
        computation = computation + "\nKept " + at + " by " + by + " although the plan no longer found it: " + withdrawalReason;
        withdrawalProposedAt = null;
    }

    /** The assessment's plan took the provisional duty over. */
    void confirmedByAssessment() {
        provisional = false;
    }

    boolean isOpen() {
        return status == ObligationStatus.OPEN || status == ObligationStatus.PREPARED || status == ObligationStatus.APPROVED
                || status == ObligationStatus.MISSED;
    }

    /** A duty of the current plan: not withdrawn, and no withdrawal waiting for confirmation. */
    boolean isInPlan() {
        return status != ObligationStatus.WITHDRAWN && withdrawalProposedAt == null;
    }

    boolean withdrawalProposed() { return withdrawalProposedAt != null; }
    boolean kept() { return keptAt != null; }
    String withdrawalReason() { return withdrawalReason; }
    boolean provisional() { return provisional; }
    Instant datesSetAt() { return datesSetAt; }
    String processInstanceId() { return processInstanceId; }

    IncidentView.ObligationView toView() {
        return new IncidentView.ObligationView(id, ruleId, recipient, jurisdiction, regime, basis, confidence, deadlineRule, deadline,
                targetDeadline, holdUntil, alternativeDeadline, ambiguity, computation, status.name(), sentAt, channel, proof,
                provisional, withdrawalProposedAt != null, withdrawalReason, withdrawnBy, keptBy, List.of());
    }
}
