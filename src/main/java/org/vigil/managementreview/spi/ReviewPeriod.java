package org.vigil.managementreview.spi;

import java.time.Instant;

/**
 * The period a review covers, {@code [from, to)}, with its label ({@code 2026-Q3}, {@code 2026-10}, {@code 2026}), and
 * when the previous review of the same kind was held (null for the first), for inputs counted "since the last review".
 */
public record ReviewPeriod(Instant from, Instant to, String label, Instant previousReviewAt) {}
