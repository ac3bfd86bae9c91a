package org.vigil.managementreview;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.SiteSettings;

/** The review's mails through the outbox: an input's owners reminded before it is due, the CISO told once it is overdue. */
@Service
class ManagementReviewReminders {

    private final ManagementReviews reviews;
    private final Notifications notifications;
    private final SiteSettings site;
    private final Clock clock;

    ManagementReviewReminders(ManagementReviews reviews, Notifications notifications, SiteSettings site, Clock clock) {
        this.reviews = reviews;
        this.notifications = notifications;
        this.site = site;
        this.clock = clock;
    }

    @Transactional
    boolean remindPreparer(long reviewId, String inputKey) {
        var review = reviews.review(reviewId);
        if (review.frozen()) {
            return false;
        }
        String group = reviews.preparationOwner(inputKey);
        return notifications.queue(MailRequest.toGroups("management-review:" + reviewId + ":" + inputKey + ":preparation-reminder",
                "management-review-preparation-reminder", List.of(group), model(reviewId, review.periodLabel(), inputKey, group)));
    }

    @Transactional
    boolean escalateOverduePreparation(long reviewId, String inputKey) {
        var review = reviews.review(reviewId);
        if (review.frozen()) {
            return false;
        }
        String group = reviews.preparationOwner(inputKey);
        return notifications.queue(MailRequest.toGroups("management-review:" + reviewId + ":" + inputKey + ":preparation-overdue",
                "management-review-preparation-overdue", List.of("ciso", group).stream().distinct().toList(),
                model(reviewId, review.periodLabel(), inputKey, group)));
    }

    private Map<String, String> model(long reviewId, String label, String inputKey, String group) {
        return Map.of("reviewId", String.valueOf(reviewId), "period", label, "input", reviews.preparationTitle(inputKey),
                "group", group, "due", reviews.preparationDue(reviewId).toInstant().toString(),
                "meeting", reviews.meetingDue(reviewId).toInstant().toString(), "link", site.base() + "/camunda/app/tasklist/");
    }
}
