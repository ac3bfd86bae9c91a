package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewAccess, events create and assignment. On create the task goes to its reviewer. Reassigning it later (in
 * Tasklist or the REST API) delegates the review: the items move to the new reviewer, or the reassignment is refused
 * with the reason (own access, not a manager, second reviewer of the same privileged access).
 */
@Component
class AssignReviewerTaskListener extends AccessReviewTaskListener {

    private final ReviewDecisions decisions;

    AssignReviewerTaskListener(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = REVIEWER.from(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setAssignee(reviewer);
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            String assignee = task.getAssignee();
            if (assignee != null && !assignee.equals(reviewer)) {
                decisions.delegate(CAMPAIGN_ID.from(task), reviewer, assignee);
                REVIEWER.set(task.getExecution(), assignee);
            }
        }
    }
}
