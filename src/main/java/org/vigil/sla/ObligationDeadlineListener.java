package org.vigil.sla;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vigil.breach.events.NoticeDispatched;
import org.vigil.breach.events.ObligationScheduled;
import org.vigil.breach.events.ObligationWithdrawn;

/**
 * Regulatory notification obligations in the registry, from breach's events. Heard inside the breach transaction
 * (plain {@link EventListener}, not after commit): the registry changes with the obligation or not at all, so the
 * overdue list never shows a notice that was sent, and a planned, moved and sent obligation reaches the registry in
 * that order.
 */
@Component
class ObligationDeadlineListener {

    /** Obligations count toward the on-time rate of the process that owes them. */
    static final String PROCESS = "breach-response";

    private final Deadlines deadlines;

    ObligationDeadlineListener(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener
    void on(ObligationScheduled event) {
        deadlines.track(new DeadlineSpec(DeadlineSpec.OBLIGATION, Long.toString(event.obligationId()), PROCESS, event.recipient(),
                event.processInstanceId(), null, event.what(), event.ownerGroup(), event.plannedAt(), event.dueAt(), event.remindAt(),
                event.escalateAt()));
    }

    @EventListener
    void on(ObligationWithdrawn event) {
        deadlines.cancel(DeadlineSpec.OBLIGATION, Long.toString(event.obligationId()));
    }

    @EventListener
    void on(NoticeDispatched event) {
        deadlines.complete(DeadlineSpec.OBLIGATION, Long.toString(event.obligationId()), event.sentAt(), event.late());
    }
}
