package org.vigil.accessreview;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.PeopleDirectory;
import org.vigil.platform.SiteSettings;

/**
 * The e-mails that keep a campaign on time: a reminder to each reviewer who has not completed before the due date,
 * and at the due date an escalation to the reviewer's manager and the CISO. Each is sent once (keyed in the outbox).
 */
@Service
public class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final AccessReviewStore store;
    private final AccessReviewPolicy policy;
    private final Notifications notifications;
    private final PeopleDirectory people;
    private final SiteSettings site;
    private final Clock clock;

    ReviewReminders(AccessReviewStore store, AccessReviewPolicy policy, Notifications notifications, PeopleDirectory people,
            Clock clock, SiteSettings site) {
        this.site = site;
        this.store = store;
        this.policy = policy;
        this.notifications = notifications;
        this.people = people;
        this.clock = clock;
    }

    /** Reminds a reviewer who has not completed, 7 days before the due date. */
    @Transactional
    public boolean remindReviewer(long campaignId, String reviewer) {
        CampaignRow campaign = CampaignStates.existing(store, campaignId);
        if (!stillReviewing(campaign, reviewer)) {
            return false;
        }
        if (people.emailOf(reviewer).isEmpty()) {
            // Nobody to remind by e-mail; the escalation at the due date still reaches the CISO.
            log.warn("Campaign {}: reviewer {} has no e-mail address, no reminder sent", campaignId, reviewer);
            return false;
        }
        boolean queued = notifications.queue(new MailRequest("access-review:" + campaignId + ":" + reviewer + ":reminder",
                "access-review-reminder", List.of(reviewer), List.of(), Map.of(
                        "campaignId", String.valueOf(campaignId), "reviewer", reviewer, "due", campaign.dueAt().toString(),
                        "undecided", String.valueOf(undecided(campaignId, reviewer)), "link", site.base() + "/camunda/app/tasklist/")));
        store.markReviewer(campaignId, reviewer, "reminded_at", clock.instant());
        return queued;
    }

    /** Tells the reviewer's manager (in the campaign's roster) and the CISO that a review is overdue. */
    @Transactional
    public boolean escalateOverdueReview(long campaignId, String reviewer) {
        CampaignRow campaign = CampaignStates.existing(store, campaignId);
        if (!stillReviewing(campaign, reviewer)) {
            return false;
        }
        var roster = campaign.rosterSnapshotId() == null ? List.<Rows.RosterEntry>of() : store.roster(campaign.rosterSnapshotId());
        String manager = ReviewerAssignment.over(roster, policy.fallbackReviewer()).managerOf(reviewer, null);
        boolean queued = notifications.queue(new MailRequest("access-review:" + campaignId + ":" + reviewer + ":overdue",
                "access-review-overdue", manager == null ? List.of() : List.of(manager), List.of("ciso"), Map.of(
                        "campaignId", String.valueOf(campaignId), "reviewer", reviewer,
                        "due", campaign.dueAt().toString(),
                        "undecided", String.valueOf(undecided(campaignId, reviewer)),
                        "closes", campaign.closesAt().toString())));
        store.markReviewer(campaignId, reviewer, "escalated_at", clock.instant());
        return queued;
    }

    private boolean stillReviewing(CampaignRow campaign, String reviewer) {
        var row = store.reviewer(campaign.id(), reviewer);
        return row.isPresent() && row.get().completedAt() == null && CampaignStates.OPEN.equals(campaign.status());
    }

    private long undecided(long campaignId, String reviewer) {
        return store.itemsOf(campaignId, reviewer).stream().filter(i -> i.decision() == null).count();
    }
}
