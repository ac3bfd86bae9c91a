package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;
import static org.vigil.accessreview.AccessReviewVariables.REVIEW_ITEMS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;

/**
 * Task_ReviewAccess, events create and assignment. On create the task goes to its reviewer, with the reviewer's
 * items as the form's rows. Reassigning it later (in Tasklist or the REST API) delegates the review: the items move
 * to the new reviewer, or the reassignment is refused with the reason (own access, not a manager, second reviewer of
 * the same privileged access).
 *
 * <p>The rows are a variable rather than something the form fetches: 7.24's Tasklist gives a Camunda Form only the
 * task's variables, and a list of a reviewer's items (ids, staff account names, flags) is small. It is local to the
 * reviewer's execution (one of the multi-instance), so that a completion through the engine's API
 * ({@code complete}, which writes to the execution) and a form submitted in Tasklist (which writes to the task and on
 * to where the variable lives) both replace it, and it ends with the review.
 */
@Component
class AssignReviewerTaskListener extends AccessReviewTaskListener {

    private final ReviewDecisions decisions;

    AssignReviewerTaskListener(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    void act(DelegateTask task) {
        String reviewer = REVIEWER.from(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setAssignee(reviewer);
            JsonListVariables.setLocal(task.getExecution(), REVIEW_ITEMS, decisions.formRows(CAMPAIGN_ID.from(task), reviewer));
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null && !assignee.equals(reviewer)) {
                decisions.delegate(CAMPAIGN_ID.from(task), reviewer, assignee);
                REVIEWER.set(task.getExecution(), assignee);
                JsonListVariables.setLocal(task.getExecution(), REVIEW_ITEMS, decisions.formRows(CAMPAIGN_ID.from(task), assignee));
            }
        }
    }
}
