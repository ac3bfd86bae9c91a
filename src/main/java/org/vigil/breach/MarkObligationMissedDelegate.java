package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MarkMissed: the deadline passed unsent; the CISO and managers are told. Safe to re-run. */
@Component
class MarkObligationMissedDelegate implements JavaDelegate {

    private final Obligations obligations;

    MarkObligationMissedDelegate(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        obligations.missed(OBLIGATION_ID.from(execution));
    }
}
