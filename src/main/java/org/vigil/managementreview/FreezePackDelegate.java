package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_FreezePack: the pack read a last time and frozen, each decision raised as an action, the open
 * actions of earlier reviews carried into the pack. Safe to re-run: a frozen pack stays, an action is raised once.
 */
@Component
class FreezePackDelegate implements JavaDelegate {

    private final ManagementReviews reviews;

    FreezePackDelegate(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.freezeAndRaiseActions(REVIEW_ID.from(execution));
    }
}
