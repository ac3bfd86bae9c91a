package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_EscalateOverdueReview: tells the reviewer's manager and the CISO. One mail per reviewer and campaign. */
@Component
class EscalateOverdueReviewDelegate implements JavaDelegate {

    private final ReviewReminders reminders;

    EscalateOverdueReviewDelegate(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.escalateOverdueReview(CAMPAIGN_ID.from(execution), REVIEWER.from(execution));
    }
}
