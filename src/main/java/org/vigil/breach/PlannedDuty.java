package org.vigil.breach;

import java.time.Instant;

/**
 * A duty of the notification plan, as the breach capability stores it. {@code ruleId} (the catalog rule, or
 * {@code contract:<agreement>}) and the jurisdiction identify it from one plan to the next: two duties to the same
 * recipient under different rules stay two obligations.
 */
record PlannedDuty(String ruleId, String recipient, String jurisdiction, String regime, String basis, String confidence,
        String deadlineRule, Instant deadline, Instant targetDeadline, boolean hourBased, Instant holdUntil,
        Instant alternativeDeadline, String ambiguity, String computation) {}
