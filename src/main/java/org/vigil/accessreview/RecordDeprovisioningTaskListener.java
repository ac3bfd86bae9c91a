package org.vigil.accessreview;

import static org.vigil.accessreview.AccessRevocationProcess.REVOCATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_Deprovision, event complete: records who removed the access and when. */
@Component
class RecordDeprovisioningTaskListener extends AccessReviewTaskListener {

    private final AccessReviews reviews;

    RecordDeprovisioningTaskListener(AccessReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        reviews.deprovisioned(longVariable(task, REVOCATION_ID), actingUser(task));
    }
}
