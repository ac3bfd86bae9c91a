package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RemindGroup: a quarter of the time left. Safe to re-run: one mail per obligation and deadline. */
@Component
class RemindObligationDelegate implements JavaDelegate {

    private final Obligations obligations;

    RemindObligationDelegate(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        obligations.remind(OBLIGATION_ID.from(execution));
    }
}
