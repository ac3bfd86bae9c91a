package org.vigil.accessreview;

import static org.vigil.accessreview.AccessRevocationVariables.REVOCATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_Deprovision, event complete: records who removed the access and when. */
@Component
class RecordDeprovisioningTaskListener extends AccessReviewTaskListener {

    private final AccessRevocations revocations;

    RecordDeprovisioningTaskListener(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void notify(DelegateTask task) {
        revocations.deprovisioned(REVOCATION_ID.from(task), actingUser(task));
    }
}
