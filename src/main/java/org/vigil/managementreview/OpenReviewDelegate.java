package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.MEETING_DUE_AT;
import static org.vigil.managementreview.ManagementReviewVariables.PERIOD_ALREADY_REVIEWED;
import static org.vigil.managementreview.ManagementReviewVariables.PERIOD_LABEL;
import static org.vigil.managementreview.ManagementReviewVariables.PREPARATION_DUE_AT;
import static org.vigil.managementreview.ManagementReviewVariables.PREPARATION_REMIND_AT;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;
import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_KIND;
import static org.vigil.managementreview.ManagementReviewVariables.STARTED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_OpenReview: records the review for its period, reads its pack, and sets the dates the
 * preparation and the meeting are due. Safe to re-run: keyed by the instance.
 */
@Component
class OpenReviewDelegate implements JavaDelegate {

    private final ManagementReviews reviews;

    OpenReviewDelegate(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = REVIEW_KIND.isSetOn(execution) ? REVIEW_KIND.from(execution) : "quarterly";
        Long reviewId = reviews.open(execution.getProcessInstanceId(), kind,
                STARTED_BY.isSetOn(execution) ? STARTED_BY.from(execution) : null,
                PERIOD_LABEL.isSetOn(execution) ? PERIOD_LABEL.from(execution) : null);
        PERIOD_ALREADY_REVIEWED.set(execution, reviewId == null);
        if (reviewId == null) {
            return;
        }
        REVIEW_ID.set(execution, reviewId);
        REVIEW_KIND.set(execution, kind);
        PERIOD_LABEL.set(execution, reviews.review(reviewId).periodLabel());
        MEETING_DUE_AT.set(execution, reviews.meetingDue(reviewId));
        PREPARATION_DUE_AT.set(execution, reviews.preparationDue(reviewId));
        PREPARATION_REMIND_AT.set(execution, reviews.preparationRemindAt(reviewId));
    }
}
