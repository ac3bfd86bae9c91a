package org.vigil.accessreview.events;

import java.time.Instant;

/**
 * A reviewer completed their review of a campaign: of their {@code items}, {@code decided} carry a decision and
 * {@code revoked} of those are to be removed. Items left undecided stay open until the review window closes.
 */
public record ReviewDecided(long campaignId, String reviewer, long items, long decided, long revoked, Instant completedAt) {}
