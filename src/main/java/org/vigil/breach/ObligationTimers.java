package org.vigil.breach;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Timer dates of notification-obligation.bpmn, read from the obligation: {@code ${obligationTimers.reminderAt(obligationId)}}. */
// Public: the models call it through JUEL, which invokes only methods of public classes.
@Component("obligationTimers")
public class ObligationTimers {

    private final Obligations obligations;
    private final Clock clock;

    ObligationTimers(Obligations obligations, Clock clock) {
        this.obligations = obligations;
        this.clock = clock;
    }

    /** Without a reminder of its own (its time had come when the deadline was set) the timer waits for the deadline. */
    public Date reminderAt(Object obligationId) {
        var obligation = obligation(obligationId);
        return Date.from(obligation.reminderAt() != null ? obligation.reminderAt() : obligation.targetDeadline());
    }
    public Date escalationAt(Object obligationId) { return Date.from(obligation(obligationId).escalationAt()); }
    public Date targetDeadline(Object obligationId) { return Date.from(obligation(obligationId).targetDeadline()); }

    public boolean onHold(Object obligationId) {
        var holdUntil = obligation(obligationId).holdUntil();
        return holdUntil != null && holdUntil.isAfter(clock.instant());
    }

    public Date holdUntil(Object obligationId) { return Date.from(obligation(obligationId).holdUntil()); }

    public Date followUpDue() { return Date.from(clock.instant().plus(Duration.ofDays(1))); }

    private Obligation obligation(Object obligationId) {
        return obligations.require(((Number) obligationId).longValue());
    }
}
