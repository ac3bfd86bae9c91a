package org.vigil.accessreview;

import static org.vigil.accessreview.AccessRevocationVariables.REMOVED;
import static org.vigil.accessreview.AccessRevocationVariables.REVOCATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_Deprovision, event complete: records who removed the access and when; refused, naming the form's field, unless
 * the remover checked that the access is removed.
 */
@Component
class RecordDeprovisioningTaskListener extends AccessReviewTaskListener {

    private final AccessRevocations revocations;

    RecordDeprovisioningTaskListener(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    void act(DelegateTask task) {
        revocations.deprovisioned(REVOCATION_ID.from(task), actingUser(task), REMOVED.from(task));
    }
}
