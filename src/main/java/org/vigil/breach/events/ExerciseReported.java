package org.vigil.breach.events;

import java.time.Instant;
import java.util.List;

/**
 * A breach-response exercise on {@code scenario} produced its report; {@code auditId} names the internal audit it
 * was run for, or is null. Ids, codes and durations only.
 */
public record ExerciseReported(long incidentId, Long auditId, String scenario, Instant startedAt, Instant reportedAt,
        List<ExerciseGap> gaps) {}
