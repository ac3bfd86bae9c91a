package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseAction: the action was effective; it closes and CorrectiveActionClosed is published, once. */
@Component
class CloseActionDelegate implements JavaDelegate {

    private final ActionSteps steps;

    CloseActionDelegate(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.close(CorrectiveActionVariables.ACTION_ID.from(execution));
    }
}
