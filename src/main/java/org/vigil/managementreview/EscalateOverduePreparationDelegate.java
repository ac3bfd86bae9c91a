package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.PREPARATION_INPUT;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_EscalateOverduePreparation: mails the CISO and the owner group once an input is overdue. Safe to re-run. */
@Component
class EscalateOverduePreparationDelegate implements JavaDelegate {

    private final ManagementReviewReminders reminders;

    EscalateOverduePreparationDelegate(ManagementReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.escalateOverduePreparation(REVIEW_ID.from(execution), PREPARATION_INPUT.from(execution));
    }
}
