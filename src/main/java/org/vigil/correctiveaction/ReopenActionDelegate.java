package org.vigil.correctiveaction;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_ReopenAction: the action was not effective. It reopens at the root cause with a new due date from
 * the severity policy (the timers read {@code dueAt} and {@code remindAt} again), and EffectivenessCheckFailed is
 * published, once per failed check.
 */
@Component
class ReopenActionDelegate implements JavaDelegate {

    private final ActionSteps steps;

    ReopenActionDelegate(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var reopening = steps.reopen(CorrectiveActionVariables.ACTION_ID.from(execution));
        CorrectiveActionVariables.DUE_AT.set(execution, Date.from(reopening.dueAt()));
        CorrectiveActionVariables.REMIND_AT.set(execution, Date.from(reopening.remindAt()));
        CorrectiveActionVariables.REOPEN_COUNT.set(execution, reopening.reopenCount());
    }
}
