package org.vigil.managementreview;

import static org.vigil.managementreview.ManagementReviewVariables.REVIEW_ID;
import static org.vigil.managementreview.ManagementReviewVariables.SIGN_OFF;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SignOff, on complete: the chair's sign-off, which makes the record read-only (amendments are appended after it). */
@Component
class SignOffTaskListener extends ReviewTaskListener {

    private final ManagementReviews reviews;

    SignOffTaskListener(ManagementReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    void act(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(SIGN_OFF.name()))) {
            throw new IllegalArgumentException("signOff: tick it to sign the record off; it is read-only afterwards");
        }
        reviews.signOff(REVIEW_ID.from(task), actingUser(task));
    }
}
