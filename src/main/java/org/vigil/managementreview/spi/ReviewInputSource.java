package org.vigil.managementreview.spi;

import java.util.Set;

/**
 * Implemented by a capability, as a Spring bean, to contribute its input to management reviews. {@link #read} runs in a
 * read-only transaction of its own, as Vigil's account, and must be repeatable for past periods (charts ask for the
 * previous quarters too).
 */
public interface ReviewInputSource {

    /** Stable key of the input: {@code incidents}, {@code regulation}, {@code access-reviews}, {@code audits}, {@code corrective-actions}, {@code sla}, {@code risk}. */
    String key();

    /** The review kinds this input belongs to: {@code quarterly}, {@code monthly}, {@code annual}. */
    Set<String> reviewKinds();

    ReviewInput read(ReviewPeriod period);
}
