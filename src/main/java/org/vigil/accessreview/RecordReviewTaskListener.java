package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewProcess.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewProcess.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewAccess, event complete: applies the form's decisions and bulk decision for the reviewer. A refusal (own
 * access, reason missing) fails the completion with its message, so the reviewer sees it in Tasklist. The free-text
 * fields are removed from the process afterwards: decisions and reasons live in the campaign's tables.
 */
@Component
class RecordReviewTaskListener extends AccessReviewTaskListener {

    static final String DECISIONS = "decisions";
    static final String BULK_DECISION = "bulkDecision";
    static final String BULK_SCOPE = "bulkScope";
    static final String BULK_REASON = "bulkReason";

    private final ReviewDecisions decisions;

    RecordReviewTaskListener(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        var bulk = new AccessReviewApi.BulkDecision((String) task.getVariable(BULK_DECISION),
                (String) task.getVariable(BULK_REASON), (String) task.getVariable(BULK_SCOPE));
        decisions.completeReview(longVariable(task, CAMPAIGN_ID), (String) task.getVariable(REVIEWER), actingUser(task),
                (String) task.getVariable(DECISIONS), bulk);
        for (String name : new String[] {DECISIONS, BULK_DECISION, BULK_SCOPE, BULK_REASON}) {
            task.getExecution().removeVariable(name);
        }
    }
}
