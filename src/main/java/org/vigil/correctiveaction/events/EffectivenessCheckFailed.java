package org.vigil.correctiveaction.events;

import java.time.Instant;

/** The effectiveness check found the action not effective: it is reopened (for the {@code reopenCount}th time). */
public record EffectivenessCheckFailed(long actionId, String sourceType, String sourceReference, Instant checkedAt, int reopenCount) {}
