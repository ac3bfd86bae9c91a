package org.vigil.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.PeopleDirectory;
import org.vigil.platform.SiteSettings;
import org.vigil.platform.OncePerCluster;

/** The daily digest to managers: what is at risk or overdue, by owner group. One per day, whichever node sends it. */
@Component
class SlaDigest {

    private final SlaDashboard dashboard;
    private final Notifications notifications;
    private final Clock clock;
    private final PeopleDirectory people;
    private final SiteSettings site;
    private final OncePerCluster cluster;
    private final String cron;
    private final ZoneId zone;

    SlaDigest(SlaDashboard dashboard, Notifications notifications, Clock clock, PeopleDirectory people, SiteSettings site,
            OncePerCluster cluster, @Value("${vigil.sla.digest-cron:0 0 7 * * MON-FRI}") String cron,
            @Value("${vigil.company.zone}") ZoneId zone) {
        this.people = people;
        this.site = site;
        this.dashboard = dashboard;
        this.notifications = notifications;
        this.clock = clock;
        this.cluster = cluster;
        this.cron = cron;
        this.zone = zone;
    }

    /** Every node schedules it; the first of the day sends it, and the day's event key keeps it to one mail anyway. */
    @Scheduled(cron = "${vigil.sla.digest-cron:0 0 7 * * MON-FRI}", zone = "${vigil.company.zone}")
    void daily() {
        cluster.run("sla-digest", cron, zone, () -> send(LocalDate.now(clock)));
    }

    /** @return whether a digest was queued (nothing at risk or overdue: no mail) */
    boolean send(LocalDate day) {
        // Nobody's links: the mail goes to every manager, and each opens what their own grants allow.
        var overdue = dashboard.overdue(null);
        var atRisk = dashboard.atRisk(7, null).stream().filter(row -> !row.status().equals("OVERDUE")).toList();
        if (overdue.isEmpty() && atRisk.isEmpty()) {
            return false;
        }
        return notifications.queue(MailRequest.toGroups("sla-digest:" + day, "sla-digest", List.of("managers"), Map.of(
                "day", day.toString(),
                "overdueCount", Integer.toString(overdue.size()),
                "atRiskCount", Integer.toString(atRisk.size()),
                "overdue", lines(overdue),
                "atRisk", lines(atRisk),
                "link", site.base() + "/sla")));
    }

    /** By the owner group's name, each row with its step's name and its deadline in the company zone (the dashboard's words). */
    private String lines(List<SlaDashboard.DeadlineRow> rows) {
        if (rows.isEmpty()) {
            return "  (none)";
        }
        return rows.stream()
                .collect(Collectors.groupingBy(SlaDashboard.DeadlineRow::ownerGroup, java.util.TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(group -> "  " + people.groupNameOf(group.getKey()) + ":\n" + group.getValue().stream()
                        .map(row -> "    - " + row.what() + " (" + row.stepName() + "), due " + row.due())
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
