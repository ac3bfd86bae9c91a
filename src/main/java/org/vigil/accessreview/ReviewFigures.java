package org.vigil.accessreview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.AccessReviewApi.CampaignFigures;
import org.vigil.accessreview.Rows.CampaignRow;

/** The figures of campaigns, for the SLA dashboard and the campaign report: completion, overdue reviewers, revoke-to-verified times. */
@Service
public class ReviewFigures {

    private final AccessReviewStore store;
    private final Clock clock;

    ReviewFigures(AccessReviewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Completion, overdue reviewers and revoke-to-verified times of a campaign, for the SLA dashboard. */
    @Transactional(readOnly = true)
    public CampaignFigures figures(long campaignId) {
        CampaignRow campaign = CampaignStates.existing(store, campaignId);
        var counts = store.counts(campaignId);
        var reviewers = store.reviewers(campaignId);
        Instant now = clock.instant();
        List<String> overdue = CampaignStates.OPEN.equals(campaign.status()) && now.isAfter(campaign.dueAt())
                ? reviewers.stream().filter(r -> r.completedAt() == null).map(Rows.ReviewerRow::reviewerId).toList()
                : List.of();
        var revocations = store.revocations(campaignId);
        List<Duration> times = revocations.stream().filter(r -> r.verifiedAt() != null)
                .map(r -> Duration.between(r.decidedAt(), r.verifiedAt())).sorted().toList();
        int overdueRevocations = (int) revocations.stream()
                .filter(r -> r.verifiedAt() == null && now.isAfter(r.verifyBy())).count();
        return new CampaignFigures(campaignId, campaign.status(), campaign.startedAt(), campaign.dueAt(), counts.items(),
                counts.decided(), counts.items() == 0 ? 1.0 : (double) counts.decided() / counts.items(), reviewers.size(),
                (int) reviewers.stream().filter(r -> r.completedAt() != null).count(), overdue, counts.exceptions(),
                revocations.size(), times.size(), overdueRevocations,
                times.isEmpty() ? null : times.get(times.size() / 2), times.isEmpty() ? null : times.get(times.size() - 1));
    }

    /** Figures of every campaign, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignFigures> figures() {
        return store.campaigns().stream().map(c -> figures(c.id())).toList();
    }
}
