package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SettleObligation: the notice went out; the last one lets the breach response go on. Safe to re-run. */
@Component
class SettleObligationDelegate implements JavaDelegate {

    private final Obligations obligations;

    SettleObligationDelegate(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        obligations.settle(OBLIGATION_ID.from(execution));
    }
}
