package org.vigil.correctiveaction;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ImplementAction. On create the task goes to the action's owner named in the plan (the group still sees it);
 * on complete the evidence is stored and the effectiveness check is scheduled after the severity's waiting period.
 */
@Component
class ImplementationTaskListener extends ActionTaskListener {

    private final ActionSteps steps;

    ImplementationTaskListener(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    void act(DelegateTask task) {
        long actionId = actionId(task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            String owner = steps.require(actionId).ownerUser();
            if (owner != null && task.getAssignee() == null) {
                task.setAssignee(owner);
            }
            return;
        }
        var checkAt = steps.implement(actionId, text(task, CorrectiveActionVariables.PHI_EVIDENCE),
                text(task, CorrectiveActionVariables.PHI_EVIDENCE_LINKS), actingUser(task));
        CorrectiveActionVariables.EFFECTIVENESS_CHECK_AT.set(task.getExecution(), Date.from(checkAt));
        removeFormFields(task);
    }
}
