package org.vigil.correctiveaction;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_PlanAction, event complete: the plan, its owner and due date. The process's {@code dueAt} and {@code remindAt}
 * take the planned date, and the running reminder and overdue timers move with it.
 */
@Component
class ActionPlanTaskListener extends ActionTaskListener {

    private final ActionSteps steps;
    private final CorrectiveActionProcess process;

    ActionPlanTaskListener(ActionSteps steps, CorrectiveActionProcess process) {
        this.steps = steps;
        this.process = process;
    }

    @Override
    void act(DelegateTask task) {
        var planned = steps.plan(actionId(task), text(task, CorrectiveActionVariables.PHI_ACTION_PLAN),
                CorrectiveActionVariables.ACTION_OWNER.from(task), text(task, CorrectiveActionVariables.PLAN_DUE_DATE.name()),
                text(task, CorrectiveActionVariables.PHI_LATER_DUE_REASON));
        CorrectiveActionVariables.DUE_AT.set(task.getExecution(), Date.from(planned.dueAt()));
        CorrectiveActionVariables.REMIND_AT.set(task.getExecution(), Date.from(planned.remindAt()));
        process.moveDueTimers(task.getProcessInstanceId(), planned.dueAt(), planned.remindAt());
        removeFormFields(task, CorrectiveActionVariables.PLAN_DUE_DATE.name());
    }
}
