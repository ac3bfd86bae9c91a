package org.vigil.regulation;

import org.vigil.regulation.NotificationPlan.NotRequired;
import org.vigil.regulation.NotificationPlan.Notification;

import java.util.List;
import java.util.Optional;

/** The shipped catalog and small look-ups over a plan, shared by the unit tests (no Spring). */
final class Plans {

    static final RuleCatalog CATALOG = RuleCatalog.loadDefault();
    static final NotificationPlans PLANS = new NotificationPlans(CATALOG);

    private Plans() {
    }

    static NotificationPlan planFor(Incident incident) {
        return PLANS.plan(incident.request());
    }

    static Optional<Notification> notification(NotificationPlan plan, String recipient, String jurisdiction) {
        return plan.notifications().stream()
                .filter(n -> n.recipient().equals(recipient) && n.jurisdiction().equals(jurisdiction))
                .findFirst();
    }

    static List<Notification> notifications(NotificationPlan plan, String recipient, String jurisdiction) {
        return plan.notifications().stream()
                .filter(n -> n.recipient().equals(recipient) && n.jurisdiction().equals(jurisdiction))
                .toList();
    }

    static Notification required(NotificationPlan plan, String recipient, String jurisdiction) {
        return notification(plan, recipient, jurisdiction).orElseThrow(() -> new AssertionError(
                "expected a notification to " + recipient + " in " + jurisdiction + " but the plan has "
                        + plan.notifications().stream().map(n -> n.recipient() + "(" + n.jurisdiction() + ")").toList()
                        + " and rules out " + plan.notRequired()));
    }

    static Optional<NotRequired> ruledOut(NotificationPlan plan, String recipient, String jurisdiction) {
        return plan.notRequired().stream()
                .filter(n -> n.recipient().equals(recipient) && n.jurisdiction().equals(jurisdiction))
                .findFirst();
    }

    static String deadlineOf(NotificationPlan plan, String recipient, String jurisdiction) {
        var deadline = required(plan, recipient, jurisdiction).deadline();
        return deadline == null ? null : deadline.toString();
    }
}
