package org.vigil.correctiveaction;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.vigil.platform.TaskFormContext;

/**
 * What the corrective-action forms show beside their fields, read from the action's row when a task is opened: the
 * description, and what the earlier steps recorded (correction, root cause, plan, evidence, the last check's notes).
 * These may hold patient data; they reach only the person who opened the task (the owner group or the checker), never
 * a process variable. The plan's due date comes prefilled from the severity policy.
 */
@Component
class CorrectiveActionFormContext implements TaskFormContext {

    private final ActionSteps steps;

    CorrectiveActionFormContext(ActionSteps steps) {
        this.steps = steps;
    }

    @Override
    public Map<String, Object> valuesFor(FormTask task) {
        if (!CorrectiveActionProcess.KEY.equals(task.processDefinitionKey())
                || !(task.variable().apply(CorrectiveActionVariables.ACTION_ID.name()) instanceof Number id)) {
            return Map.of();
        }
        var values = new java.util.LinkedHashMap<>(steps.formValues(id.longValue()));
        if (!CorrectiveActionProcess.Task_PlanAction.equals(task.taskDefinitionKey())) {
            values.remove(CorrectiveActionVariables.PLAN_DUE_DATE.name());
            values.remove(CorrectiveActionVariables.ACTION_OWNER.name());
        }
        return values;
    }
}
