package org.vigil.correctiveaction.events;

import java.time.Instant;

public record CorrectiveActionRaised(long actionId, String sourceType, String sourceReference, String severity, String ownerGroup,
        Instant raisedAt, Instant dueAt, boolean exercise) {}
