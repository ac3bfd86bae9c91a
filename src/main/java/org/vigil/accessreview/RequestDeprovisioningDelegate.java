package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks Task_RequestDeprovisioning and Task_CloseReviews' follow-up: starts one access-revocation instance per
 * revocation of the reviewer (or of the whole campaign when no reviewer is in scope). Safe to re-run: each
 * revocation's instance starts once (claimed on its row), never again after its removal was verified.
 */
@Component
class RequestDeprovisioningDelegate implements JavaDelegate {

    private final AccessRevocations revocations;

    RequestDeprovisioningDelegate(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        revocations.startDeprovisioning(CAMPAIGN_ID.from(execution), REVIEWER.from(execution));
    }
}
