package org.vigil.accessreview.events;

import java.time.Instant;

/**
 * A campaign's review window closed: of its {@code items}, {@code decided} were decided by a reviewer and
 * {@code exceptions} were left undecided and flagged for the sign-off (ISO 27001 A.5.18).
 */
public record ReviewsClosed(long campaignId, long items, long decided, long exceptions, Instant closedAt) {}
