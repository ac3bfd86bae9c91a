package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.BULK_DECISION;
import static org.vigil.accessreview.AccessReviewVariables.BULK_REASON;
import static org.vigil.accessreview.AccessReviewVariables.BULK_SCOPE;
import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.DECISIONS;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewAccess, event complete: applies the form's decisions and bulk decision for the reviewer. A refusal (own
 * access, reason missing) fails the completion with its message, so the reviewer sees it in Tasklist. The free-text
 * fields are removed from the process afterwards: decisions and reasons live in the campaign's tables.
 */
@Component
class RecordReviewTaskListener extends AccessReviewTaskListener {

    private final ReviewDecisions decisions;

    RecordReviewTaskListener(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        var bulk = new AccessReviewApi.BulkDecision(BULK_DECISION.from(task), BULK_REASON.from(task), BULK_SCOPE.from(task));
        decisions.completeReview(CAMPAIGN_ID.from(task), REVIEWER.from(task), actingUser(task), DECISIONS.from(task), bulk);
        for (var formField : List.of(DECISIONS, BULK_DECISION, BULK_SCOPE, BULK_REASON)) {
            formField.remove(task.getExecution());
        }
    }
}
