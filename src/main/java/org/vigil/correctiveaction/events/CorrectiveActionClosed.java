package org.vigil.correctiveaction.events;

import java.time.Instant;

/** The effectiveness check found the action effective: the nonconformity is closed. */
public record CorrectiveActionClosed(long actionId, String sourceType, String sourceReference, String severity, Instant raisedAt,
        Instant closedAt, boolean exercise) {}
