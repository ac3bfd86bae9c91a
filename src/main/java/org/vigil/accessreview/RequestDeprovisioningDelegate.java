package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewProcess.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewProcess.REVIEWER;

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

    private final AccessReviews reviews;
    private final AccessRevocationProcess revocations;

    RequestDeprovisioningDelegate(AccessReviews reviews, AccessRevocationProcess revocations) {
        this.reviews = reviews;
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(CAMPAIGN_ID)).longValue();
        String reviewer = (String) execution.getVariable(REVIEWER);
        reviews.revocationIds(campaignId, reviewer).forEach(id -> revocations.start(id, campaignId));
    }
}
