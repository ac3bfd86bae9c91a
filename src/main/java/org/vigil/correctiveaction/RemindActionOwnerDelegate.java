package org.vigil.correctiveaction;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RemindOwner: e-mails the owner group before the due date. The outbox's event key keeps it to one mail. */
@Component
class RemindActionOwnerDelegate implements JavaDelegate {

    private final ActionReminders reminders;

    RemindActionOwnerDelegate(ActionReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(CorrectiveActionVariables.ACTION_ID.from(execution));
    }
}
