package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_SendReminder: e-mails the reviewer 7 days before the due date. The outbox's event key keeps it to one mail. */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final ReviewReminders reminders;

    SendReminderDelegate(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindReviewer(CAMPAIGN_ID.from(execution), REVIEWER.from(execution));
    }
}
