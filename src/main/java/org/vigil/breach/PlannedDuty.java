package org.vigil.breach;

import java.time.Instant;

/** A duty of the notification plan, as the breach capability stores it. */
record PlannedDuty(String recipient, String jurisdiction, String regime, String basis, String confidence,
        String deadlineRule, Instant deadline, Instant targetDeadline, boolean hourBased, Instant holdUntil,
        Instant alternativeDeadline, String ambiguity, String computation) {}
