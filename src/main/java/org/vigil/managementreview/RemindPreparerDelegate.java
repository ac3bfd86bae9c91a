package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.PREPARATION_INPUT;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RemindPreparer: mails the input's owner group before it is due. Safe to re-run: one mail per key. */
@Component
class RemindPreparerDelegate implements JavaDelegate {

    private final ManagementReviewReminders reminders;

    RemindPreparerDelegate(ManagementReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindPreparer(REVIEW_ID.from(execution), PREPARATION_INPUT.from(execution));
    }
}
