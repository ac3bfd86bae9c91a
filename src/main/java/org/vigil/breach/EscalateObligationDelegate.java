package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EscalateToLeadAndCiso: 48 hours (12 for hour clocks) before the deadline. Safe to re-run. */
@Component
class EscalateObligationDelegate implements JavaDelegate {

    private final Obligations obligations;
    private final String privacyLead;

    EscalateObligationDelegate(Obligations obligations, BreachSettings settings) {
        this.obligations = obligations;
        this.privacyLead = settings.privacyLead();
    }

    @Override
    public void execute(DelegateExecution execution) {
        obligations.escalate(OBLIGATION_ID.from(execution), privacyLead);
    }
}
