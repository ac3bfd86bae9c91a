package org.vigil.accessreview;

import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bean {@code accessReviews} that access-review and access-revocation instances started from earlier versions
 * of the models still name in their expressions ({@code ${accessReviews.reviewersOf(campaignId)}} and the like);
 * the current models name the services themselves. Delete it once no instance of those versions runs.
 */
@Component("accessReviews")
public class EarlierModelExpressions {

    private final ReviewCampaigns campaigns;
    private final CampaignClosing closing;
    private final AccessRevocations revocations;

    EarlierModelExpressions(ReviewCampaigns campaigns, CampaignClosing closing, AccessRevocations revocations) {
        this.campaigns = campaigns;
        this.closing = closing;
        this.revocations = revocations;
    }

    public List<String> reviewersOf(long campaignId) { return campaigns.reviewersOf(campaignId); }

    public List<String> systemsOf(long campaignId) { return campaigns.systemsOf(campaignId); }

    public Date signOffDue(long campaignId) { return closing.signOffDue(campaignId); }

    public Date deprovisionDue(long revocationId) { return revocations.deprovisionDue(revocationId); }

    public Date verifyBy(long revocationId) { return revocations.verifyBy(revocationId); }
}
