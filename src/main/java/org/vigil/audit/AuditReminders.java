package org.vigil.audit;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionSummary;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.SiteSettings;

/**
 * The audit's mails through the outbox: the auditees' reminder before their response is due, the escalation to the
 * CISO and the auditors when it is overdue, and the monthly follow-up of open findings. Ids, groups and dates only.
 */
@Service
class AuditReminders {

    private final Audits audits;
    private final Notifications notifications;
    private final SiteSettings site;
    private final Clock clock;

    AuditReminders(Audits audits, Notifications notifications, SiteSettings site, Clock clock) {
        this.audits = audits;
        this.notifications = notifications;
        this.site = site;
        this.clock = clock;
    }

    @Transactional
    boolean remindAuditee(long auditId, String group) {
        var audit = audits.audit(auditId);
        if (audit.closed() || audit.responseDue() == null) {
            return false;
        }
        return notifications.queue(MailRequest.toGroups("audit:" + auditId + ":" + group + ":response-reminder",
                "audit-response-reminder", List.of(group), Map.of("auditId", String.valueOf(auditId), "group", group,
                        "due", audit.responseDue().toString(), "link", site.base() + "/camunda/app/tasklist/")));
    }

    @Transactional
    boolean escalateOverdueResponse(long auditId, String group) {
        var audit = audits.audit(auditId);
        if (audit.closed() || audit.responseDue() == null) {
            return false;
        }
        return notifications.queue(MailRequest.toGroups("audit:" + auditId + ":" + group + ":response-overdue",
                "audit-response-overdue", List.of("ciso", Audits.AUDITORS), Map.of("auditId", String.valueOf(auditId),
                        "group", group, "due", audit.responseDue().toString())));
    }

    /** Once a month while findings are open: to the owner groups of the open actions and the auditors. */
    @Transactional
    boolean followUp(long auditId) {
        var audit = audits.audit(auditId);
        List<ActionSummary> open = audits.openActions(auditId);
        if (audit.closed() || open.isEmpty()) {
            return false;
        }
        List<String> groups = new java.util.ArrayList<>(open.stream().map(ActionSummary::ownerGroup).distinct().sorted().toList());
        groups.add(Audits.AUDITORS);
        String month = YearMonth.from(clock.instant().atZone(clock.getZone())).toString();
        return notifications.queue(MailRequest.toGroups("audit:" + auditId + ":follow-up:" + month, "audit-follow-up", groups,
                Map.of("auditId", String.valueOf(auditId), "open", String.valueOf(open.size()),
                        "actions", open.stream().map(a -> "CA-" + a.id() + " (" + a.severity() + ", " + a.ownerGroup() + ", "
                                + a.status() + (a.dueAt() == null ? "" : ", due " + a.dueAt().atZone(clock.getZone()).toLocalDate()) + ")")
                                .collect(Collectors.joining("\n")),
                        "link", site.base() + "/api/audits/" + auditId)));
    }
}
