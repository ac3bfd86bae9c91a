package org.vigil.breach.events;

import java.time.Instant;

/**
 * A notice went out at {@code sentAt}, the sending date recorded with its proof (not the moment it was recorded);
 * {@code late} when that is after the obligation's deadline {@code dueAt} (status SENT_LATE).
 */
public record NoticeDispatched(long obligationId, long incidentId, String ruleId, String recipient, Instant dueAt, Instant sentAt,
        boolean late) {}
