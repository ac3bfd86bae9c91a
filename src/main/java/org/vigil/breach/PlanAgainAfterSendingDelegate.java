package org.vigil.breach;

import static org.vigil.breach.NotificationObligationVariables.OBLIGATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * Service task Task_PlanAgainAfterSending, once the recorded dispatch is saved: the incident planned again, since some
 * deadlines run from the notice just sent. A step of the model rather than a side effect of the task's listener, so
 * Cockpit shows it, and a failure retries as a job instead of undoing the record of what was sent.
 */
@Component
class PlanAgainAfterSendingDelegate implements JavaDelegate {

    private final Replanning replanning;

    PlanAgainAfterSendingDelegate(Replanning replanning) {
        this.replanning = replanning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // A job after the dispatch's commit: nobody is logged in, so Vigil plans.
        String by = Actors.of(execution);
        replanning.afterSending(OBLIGATION_ID.from(execution), by != null ? by : Actors.VIGIL);
    }
}
