package org.vigil.accessreview;

import static org.vigil.accessreview.AccessRevocationVariables.REMOVAL_CONFIRMED;
import static org.vigil.accessreview.AccessRevocationVariables.REVOCATION_ID;
import static org.vigil.accessreview.AccessRevocationVariables.VERIFIED_BY_SNAPSHOT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_VerifyRemoval, event complete: a person confirms the removal by hand (not the one who removed it); when a
 * snapshot completed the task, the verification is already recorded.
 */
@Component
class RecordVerificationTaskListener extends AccessReviewTaskListener {

    private final AccessRevocations revocations;

    RecordVerificationTaskListener(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    void act(DelegateTask task) {
        if (Boolean.TRUE.equals(VERIFIED_BY_SNAPSHOT.from(task))) {
            return;
        }
        if (!Boolean.TRUE.equals(REMOVAL_CONFIRMED.from(task))) {
            throw new IllegalArgumentException("'I checked: the access is gone' (removalConfirmed): check it once the account"
                    + " no longer has the access, or wait for the next snapshot to show it");
        }
        revocations.verifiedByHand(REVOCATION_ID.from(task), actingUser(task));
    }
}
