package org.vigil.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A breach-response exercise: its incident (marked {@code exercise}), the scenario, who ran it and for which audit,
 * who takes part (the only people its mails reach), and when each measured step was reached against the deadline the
 * SLA policy gave it (V028__breach_exercise.sql). Ids, codes and instants only.
 */
@Entity
@Table(name = "breach_exercise")
class BreachExercise {

    /** The steps a real incident's response is measured by, in the order of the report. */
    enum Step {
        TRIAGE("triage"), CONTAINMENT("containment"), PLAN("plan"), FIRST_NOTICE("first-notice");

        final String code;

        Step(String code) {
            this.code = code;
        }
    }

    @Id
    @Column(name = "incident_id")
    private Long incidentId;

    @Column(nullable = false, length = 100)
    private String scenario;

    @Column(name = "audit_id")
    private Long auditId;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    /** User ids, comma-separated: the facilitator first. */
    @Column(nullable = false, length = 2000)
    private String participants;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "triage_due_at") private Instant triageDueAt;
    @Column(name = "triaged_at") private Instant triagedAt;
    @Column(name = "containment_due_at") private Instant containmentDueAt;
    @Column(name = "contained_at") private Instant containedAt;
    @Column(name = "plan_due_at") private Instant planDueAt;
    @Column(name = "planned_at") private Instant plannedAt;
    @Column(name = "first_notice_due_at") private Instant firstNoticeDueAt;
    @Column(name = "first_notice_ready_at") private Instant firstNoticeReadyAt;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "reported_by", length = 64)
    private String reportedBy;

    @Column(name = "ended_early", nullable = false)
    private boolean endedEarly;

    /** The gaps of the report as JSON, kept as they were when the exercise ended. */
    @Column(length = 4000)
    private String gaps;

    @Version
    private long version;

    protected BreachExercise() {}

    BreachExercise(long incidentId, String scenario, Long auditId, String startedBy, List<String> participants, Instant startedAt) {
        this.incidentId = incidentId;
        this.scenario = scenario;
        this.auditId = auditId;
        this.startedBy = startedBy;
        this.participants = String.join(",", participants);
        this.startedAt = startedAt;
    }

    long incidentId() { return incidentId; }
    String scenario() { return scenario; }
    Long auditId() { return auditId; }
    String startedBy() { return startedBy; }
    List<String> participants() { return Arrays.stream(participants.split(",")).filter(id -> !id.isBlank()).toList(); }
    Instant startedAt() { return startedAt; }
    Instant reportedAt() { return reportedAt; }
    String reportedBy() { return reportedBy; }
    String gaps() { return gaps; }
    boolean isReported() { return reportedAt != null; }
    boolean endedEarly() { return endedEarly; }

    /** When the step was first reached; a step done again (a reopened exercise) keeps its first time. */
    Instant reachedAt(Step step) {
        return switch (step) {
            case TRIAGE -> triagedAt;
            case CONTAINMENT -> containedAt;
            case PLAN -> plannedAt;
            case FIRST_NOTICE -> firstNoticeReadyAt;
        };
    }

    Instant dueAt(Step step) {
        return switch (step) {
            case TRIAGE -> triageDueAt;
            case CONTAINMENT -> containmentDueAt;
            case PLAN -> planDueAt;
            case FIRST_NOTICE -> firstNoticeDueAt;
        };
    }

    void reached(Step step, Instant at) {
        if (reachedAt(step) != null || reportedAt != null) {
            return;
        }
        switch (step) {
            case TRIAGE -> triagedAt = at;
            case CONTAINMENT -> containedAt = at;
            case PLAN -> plannedAt = at;
            case FIRST_NOTICE -> firstNoticeReadyAt = at;
        }
    }

    /** The step's deadline, as the SLA policy or the plan set it when the step was begun; the first one stays. */
    void due(Step step, Instant at) {
        if (at == null || dueAt(step) != null || reportedAt != null) {
            return;
        }
        switch (step) {
            case TRIAGE -> triageDueAt = at;
            case CONTAINMENT -> containmentDueAt = at;
            case PLAN -> planDueAt = at;
            case FIRST_NOTICE -> firstNoticeDueAt = at;
        }
    }

    void reported(Instant at, String by, boolean early, String gapsJson) {
        this.reportedAt = at;
        this.endedEarly = early;
        this.reportedBy = by;
        this.gaps = gapsJson;
    }
}
