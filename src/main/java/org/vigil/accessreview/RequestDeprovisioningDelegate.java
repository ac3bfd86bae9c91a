package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.REVIEWER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks Task_RequestDeprovisioning and Task_CloseReviews' follow-up: starts one access-revocation instance per
 * revocation of the reviewer (or of the whole campaign when no reviewer is in scope). Safe to re-run: one instance per
 * revocation, by business key.
 */
@Component
class RequestDeprovisioningDelegate implements JavaDelegate {

    private final AccessRevocations revocations;
    private final AccessRevocationProcess revocationProcess;

    RequestDeprovisioningDelegate(AccessRevocations revocations, AccessRevocationProcess revocationProcess) {
        this.revocations = revocations;
        this.revocationProcess = revocationProcess;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = CAMPAIGN_ID.from(execution);
        String reviewer = REVIEWER.from(execution);
        revocations.revocationIds(campaignId, reviewer).forEach(id -> revocationProcess.start(id, campaignId));
    }
}
