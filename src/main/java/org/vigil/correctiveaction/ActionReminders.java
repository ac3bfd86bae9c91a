package org.vigil.correctiveaction;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionStore.ActionRow;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.SiteSettings;

/**
 * The e-mails that keep an action on time: a reminder to the owner group before the due date, and at the due date an
 * escalation to the owner group and the CISO. Only while the action is not implemented; each once per round of the
 * action (the event key names how often it was reopened), ids and dates only.
 */
@Service
class ActionReminders {

    /** The statuses of an action that is not implemented yet. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("OPEN", "PLANNED", "REOPENED");

    private final ActionStore store;
    private final Notifications notifications;
    private final CorrectiveActionSettings settings;
    private final SiteSettings site;

    ActionReminders(ActionStore store, Notifications notifications, CorrectiveActionSettings settings, SiteSettings site) {
        this.store = store;
        this.notifications = notifications;
        this.settings = settings;
        this.site = site;
    }

    static String eventKey(long actionId, int reopenCount, String what) {
        return "corrective-action:" + actionId + ":" + reopenCount + ":" + what;
    }

    @Transactional
    boolean remind(long actionId) {
        ActionRow action = store.find(actionId).orElseThrow(() -> new NoSuchActionException(actionId));
        if (!NOT_IMPLEMENTED.contains(action.status())) {
            return false;
        }
        return notifications.queue(MailRequest.toGroups(eventKey(actionId, action.reopenCount(), "reminder"), "corrective-action-reminder",
                List.of(action.ownerGroup()), model(action)));
    }

    @Transactional
    boolean escalate(long actionId) {
        ActionRow action = store.find(actionId).orElseThrow(() -> new NoSuchActionException(actionId));
        if (!NOT_IMPLEMENTED.contains(action.status())) {
            return false;
        }
        var groups = new java.util.LinkedHashSet<>(List.of(action.ownerGroup(), settings.escalateTo()));
        return notifications.queue(MailRequest.toGroups(eventKey(actionId, action.reopenCount(), "overdue"), "corrective-action-overdue",
                List.copyOf(groups), model(action)));
    }

    private Map<String, String> model(ActionRow action) {
        return Map.of("actionId", String.valueOf(action.id()), "severity", action.severity(), "ownerGroup", action.ownerGroup(),
                "source", sourceInWords(action), "due", action.dueAt().toString(),
                "step", step(action.status()), "link", site.base() + "/camunda/app/tasklist/");
    }

    /** "an audit finding (audit:12:finding:40)": the kind in words, the reference as the source spells it. */
    static String sourceInWords(ActionRow action) {
        String kind = switch (action.sourceType()) {
            case ActionSource.AUDIT_FINDING -> "an audit finding";
            case ActionSource.INCIDENT_REVIEW -> "a post-incident review";
            case ActionSource.EXERCISE_GAP -> "a breach-response exercise";
            case ActionSource.MANAGEMENT_REVIEW -> "a management review";
            case ActionSource.RISK_TREATMENT -> "a risk treatment";
            default -> "a person";
        };
        return kind + " (" + action.sourceReference() + ")";
    }

    private static String step(String status) {
        return switch (status) {
            case "PLANNED" -> "implement the action";
            case "REOPENED" -> "find the root cause again";
            default -> "correct, find the root cause and plan";
        };
    }
}
