package org.vigil.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "deadline_entry")
class DeadlineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "source_type", nullable = false, length = 30) private String sourceType;
    @Column(name = "source_id", nullable = false, length = 100) private String sourceId;
    @Column(name = "process_key", nullable = false, length = 100) private String processKey;
    @Column(nullable = false, length = 100) private String step;
    @Column(name = "process_instance_id", length = 64) private String processInstanceId;
    @Column(name = "task_id", length = 64) private String taskId;
    @Column(nullable = false, length = 300) private String what;
    @Column(name = "owner_group", nullable = false, length = 100) private String ownerGroup;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "due_at", nullable = false) private Instant dueAt;
    @Column(name = "warn_at", nullable = false) private Instant warnAt;
    @Column(name = "escalate_at") private Instant escalateAt;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) private DeadlineStatus status;
    @Column(name = "completed_at") private Instant completedAt;

    protected DeadlineEntry() {}

    DeadlineEntry(DeadlineSpec spec, Instant now) {
        this.sourceType = spec.sourceType();
        this.sourceId = spec.sourceId();
        update(spec, now);
    }

    void update(DeadlineSpec spec, Instant now) {
        this.processKey = spec.processKey() == null ? "unknown" : spec.processKey();
        this.step = spec.step() == null ? "" : spec.step();
        this.processInstanceId = spec.processInstanceId();
        this.taskId = spec.taskId();
        this.what = spec.what() == null ? step : truncate(spec.what(), 300);
        this.ownerGroup = spec.ownerGroup() == null ? "unassigned" : spec.ownerGroup();
        this.createdAt = spec.createdAt();
        this.dueAt = spec.dueAt();
        this.warnAt = spec.warnAt();
        this.escalateAt = spec.escalateAt();
        if (status == DeadlineStatus.CANCELLED) {
            // Tracked again after a cancellation (a withdrawn notice the plan finds again): owed once more, so it
            // must show as open, overdue and, when done, met or missed like any other.
            completedAt = null;
        }
        if (completedAt == null) {
            status = openStatus(now);
        }
    }

    DeadlineStatus openStatus(Instant now) {
        if (now.isAfter(dueAt)) return DeadlineStatus.OVERDUE;
        if (!now.isBefore(warnAt)) return DeadlineStatus.AT_RISK;
        return DeadlineStatus.OPEN;
    }

    /** Done at {@code at}; missed if that is after the due time, or if its owner judged it late ({@code late}). */
    void complete(Instant at, boolean late) {
        if (completedAt == null) {
            completedAt = at;
            status = late || at.isAfter(dueAt) ? DeadlineStatus.MISSED : DeadlineStatus.MET;
        }
    }

    void cancel(Instant at) {
        if (completedAt == null) {
            completedAt = at;
            status = DeadlineStatus.CANCELLED;
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    Long id() { return id; }
    String sourceType() { return sourceType; }
    String sourceId() { return sourceId; }
    String processKey() { return processKey; }
    String step() { return step; }
    String processInstanceId() { return processInstanceId; }
    String taskId() { return taskId; }
    String what() { return what; }
    String ownerGroup() { return ownerGroup; }
    Instant createdAt() { return createdAt; }
    Instant dueAt() { return dueAt; }
    Instant warnAt() { return warnAt; }
    Instant escalateAt() { return escalateAt; }
    DeadlineStatus status() { return status; }
    Instant completedAt() { return completedAt; }
}
