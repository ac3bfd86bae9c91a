package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ImmediateCorrection, event complete: what was corrected at once, or why nothing could be. */
@Component
class ImmediateCorrectionTaskListener extends ActionTaskListener {

    private final ActionSteps steps;

    ImmediateCorrectionTaskListener(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    void act(DelegateTask task) {
        steps.correct(actionId(task), CorrectiveActionVariables.CORRECTION_MADE.from(task), text(task, CorrectiveActionVariables.PHI_CORRECTION));
        removeFormFields(task);
    }
}
