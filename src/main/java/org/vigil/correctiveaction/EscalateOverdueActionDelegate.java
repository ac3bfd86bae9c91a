package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_EscalateOverdueAction: tells the owner group and the CISO that the action is overdue, once. */
@Component
class EscalateOverdueActionDelegate implements JavaDelegate {

    private final ActionReminders reminders;

    EscalateOverdueActionDelegate(ActionReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.escalate(CorrectiveActionVariables.ACTION_ID.from(execution));
    }
}
