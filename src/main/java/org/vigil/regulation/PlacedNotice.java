package org.vigil.regulation;

import java.time.OffsetDateTime;

/** A notification already placed in the plan, for the relative duties that run from it (C6). */
record PlacedNotice(String recipient, String jurisdiction, OffsetDateTime deadline, String deadlineRule) {

    String label() {
        return recipient + "(" + jurisdiction + ")";
    }
}
