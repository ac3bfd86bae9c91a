package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_CheckEffectiveness. On create the action is being verified; on complete the verdict and notes are recorded,
 * unless the person completing owns or implemented the action: then the completion is refused, naming the conflict.
 */
@Component
class EffectivenessCheckTaskListener extends ActionTaskListener {

    private final ActionSteps steps;

    EffectivenessCheckTaskListener(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    void act(DelegateTask task) {
        long actionId = actionId(task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            steps.verifying(actionId);
            return;
        }
        steps.check(actionId, CorrectiveActionVariables.VERDICT.from(task), text(task, CorrectiveActionVariables.PHI_EFFECTIVENESS_NOTES),
                actingUser(task));
        removeFormFields(task);
    }
}
