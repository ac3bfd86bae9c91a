package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewVariables.CAMPAIGN_ID;
import static org.vigil.accessreview.AccessReviewVariables.EXCEPTION_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_CloseReviews: undecided items become exceptions; every revoke not yet under way (its reviewer
 * never completed) starts its de-provisioning; none starts twice, and none for a removal already verified. Safe to re-run.
 */
@Component
class CloseReviewsDelegate implements JavaDelegate {

    private final CampaignClosing closing;
    private final AccessRevocations revocations;

    CloseReviewsDelegate(CampaignClosing closing, AccessRevocations revocations) {
        this.closing = closing;
        this.revocations = revocations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = CAMPAIGN_ID.from(execution);
        EXCEPTION_COUNT.set(execution, closing.closeReviews(campaignId));
        revocations.startDeprovisioning(campaignId, null);
    }
}
