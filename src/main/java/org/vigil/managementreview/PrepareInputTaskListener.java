package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.PREPARATION_INPUT;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;
import static org.vigil.managementreview.ManagementReviewVariables.STATEMENT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareInput, on complete: the owner group's input (changes in issues, interested parties, objectives) stored
 * encrypted with who and when, then removed from the process.
 */
@Component
class PrepareInputTaskListener extends ReviewTaskListener {

    private final ManagementReviews reviews;

    PrepareInputTaskListener(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    void act(DelegateTask task) {
        reviews.recordStatement(REVIEW_ID.from(task), PREPARATION_INPUT.from(task), text(task.getVariable(STATEMENT.name())), actingUser(task));
        task.getExecution().removeVariable(STATEMENT.name());
    }
}
