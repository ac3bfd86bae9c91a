package org.vigil.accessreview;

import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.CampaignRow;

/**
 * A campaign's states and the look-ups that refuse a missing or read-only campaign, shared by the services that
 * read and change campaigns so that each refuses in the same words.
 */
final class CampaignStates {

    /** Reviewers decide. */
    static final String OPEN = "OPEN";
    /** Decisions are final; owners sign off and revocations run. */
    static final String REVIEWS_CLOSED = "REVIEWS_CLOSED";
    /** The report is kept; nothing changes any more. */
    static final String CLOSED = "CLOSED";

    private CampaignStates() {}

    static CampaignRow existing(AccessReviewStore store, long campaignId) {
        return store.campaign(campaignId).orElseThrow(() -> notFound(campaignId));
    }

    /** Locks an open campaign for a change (decisions, delegation), or refuses it once its reviews are closed. */
    static CampaignRow lockedForReview(AccessReviewStore store, long campaignId) {
        CampaignRow campaign = store.lockCampaign(campaignId).orElseThrow(() -> notFound(campaignId));
        if (!OPEN.equals(campaign.status())) {
            throw closed(campaignId);
        }
        return campaign;
    }

    static ReviewRefusedException closed(long campaignId) {
        return new ReviewRefusedException(Kind.CONFLICT, "Campaign " + campaignId + " is closed for review and read-only");
    }

    static NoSuchCampaignException notFound(long campaignId) {
        return new NoSuchCampaignException(campaignId);
    }
}
