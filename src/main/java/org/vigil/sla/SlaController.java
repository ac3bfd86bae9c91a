package org.vigil.sla;

import java.security.Principal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.vigil.platform.SafeCsvWriter;

/** The SLA API behind the dashboard page, with a CSV export of every list. */
@Controller
class SlaController {

    private final SlaDashboard dashboard;

    SlaController(SlaDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping({"/sla", "/sla/"})
    String page() {
        return "forward:/sla/index.html";
    }

    @GetMapping("/api/sla/summary")
    @ResponseBody
    SlaDashboard.Summary summary() {
        return dashboard.summary();
    }

    @GetMapping("/api/sla/overdue")
    @ResponseBody
    List<SlaDashboard.DeadlineRow> overdue(Principal viewer) {
        return dashboard.overdue(viewer.getName());
    }

    @GetMapping("/api/sla/at-risk")
    @ResponseBody
    List<SlaDashboard.DeadlineRow> atRisk(@RequestParam(defaultValue = "7") int days, Principal viewer) {
        return dashboard.atRisk(Math.max(1, Math.min(days, 90)), viewer.getName());
    }

    @GetMapping(value = "/api/sla/overdue.csv")
    ResponseEntity<String> overdueCsv(Principal viewer) {
        return csv("overdue.csv", dashboard.overdue(viewer.getName()));
    }

    @GetMapping(value = "/api/sla/at-risk.csv")
    ResponseEntity<String> atRiskCsv(@RequestParam(defaultValue = "7") int days, Principal viewer) {
        return csv("at-risk.csv", dashboard.atRisk(Math.max(1, Math.min(days, 90)), viewer.getName()));
    }

    /** The summary's figures, one per line, each with what it counts in plain words. */
    @GetMapping(value = "/api/sla/summary.csv")
    ResponseEntity<String> summaryCsv() {
        var summary = dashboard.summary();
        var definitions = summary.definitions();
        var out = new StringBuilder();
        try (var csv = new SafeCsvWriter(out)) {
            csv.printRecord("figure", "process", "period", "value", "unit", "based_on", "definition");
            // Containment is expected within hours, notification within days: each in the unit its targets use.
            var contain = summary.timeToContain();
            csv.printRecord("mean time to contain", "", "last 365 days", number(contain.meanHours()), "hours",
                    contain.incidents() + " incidents", definitions.get(SlaDashboard.TIME_TO_CONTAIN));
            var notify = summary.timeToNotify();
            csv.printRecord("mean time to notify individuals", "", "last 365 days", number(notify.meanDays()), "days",
                    notify.incidents() + " incidents", definitions.get(SlaDashboard.TIME_TO_NOTIFY));
            for (var process : summary.onTimeRateByProcess().entrySet()) {
                for (var quarter : process.getValue()) {
                    csv.printRecord("on-time rate", process.getKey(), quarter.quarter(), number(quarter.rate() == null ? null : quarter.rate() * 100),
                            "percent", quarter.onTime() + " of " + quarter.total() + " deadlines on time", definitions.get(SlaDashboard.ON_TIME_RATE));
                }
            }
            csv.printRecord("access-review completion", "", "last 365 days",
                    number(summary.accessReviewCompletion() == null ? null : summary.accessReviewCompletion() * 100), "percent", "",
                    definitions.get(SlaDashboard.ACCESS_REVIEW_COMPLETION));
            var audits = summary.auditsOnSchedule();
            csv.printRecord("internal audits on schedule", "", "last 365 days", number(audits.rate() == null ? null : audits.rate() * 100),
                    "percent", audits.onSchedule() + " of " + audits.due() + " audits", definitions.get(SlaDashboard.AUDITS_ON_SCHEDULE));
            var actions = summary.correctiveActions();
            for (var severity : actions.openBySeverity().entrySet()) {
                csv.printRecord("corrective actions open", severity.getKey(), "now", severity.getValue(), "actions", "",
                        definitions.get(SlaDashboard.ACTIONS_OPEN));
            }
            csv.printRecord("corrective actions overdue", "", "now", actions.overdue(), "actions", "", definitions.get(SlaDashboard.ACTIONS_OVERDUE));
            for (var severity : actions.auditFindingsOpenBySeverity().entrySet()) {
                csv.printRecord("audit findings open", severity.getKey(), "now", severity.getValue(), "findings", "",
                        definitions.get(SlaDashboard.FINDINGS_OPEN));
            }
            csv.printRecord("mean time to close an action", "", "last 365 days", number(actions.meanDaysToClose()), "days",
                    actions.closed() + " actions", definitions.get(SlaDashboard.TIME_TO_CLOSE));
            var risks = summary.risks();
            csv.printRecord("risks above the acceptance threshold", "", "now", risks.aboveThreshold(), "risks",
                    risks.accepted() + " more accepted by their owner", definitions.get(SlaDashboard.RISKS_ABOVE_THRESHOLD));
            csv.printRecord("risk treatment actions overdue", "", "now", risks.treatmentActionsOverdue(), "actions", "",
                    definitions.get(SlaDashboard.RISK_ACTIONS_OVERDUE));
            csv.printRecord("assets not assessed within their period", "", "now", risks.assetsUnassessed(), "assets", "",
                    definitions.get(SlaDashboard.ASSETS_UNASSESSED));
            csv.printRecord("effectiveness checks failed", "", "last 365 days", actions.effectivenessFailures(), "checks", "",
                    definitions.get(SlaDashboard.EFFECTIVENESS_FAILURES));
        }
        return attachment("summary.csv", out);
    }

    /** Each incident's response times behind the means of the summary. */
    @GetMapping(value = "/api/sla/response-times.csv")
    ResponseEntity<String> responseTimesCsv() {
        var out = new StringBuilder();
        try (var csv = new SafeCsvWriter(out)) {
            csv.printRecord("incident", "discovered_at", "contained_at", "hours_to_contain", "individuals_notified_at", "days_to_notify");
            for (var incident : dashboard.responseTimes()) {
                csv.printRecord(incident.incidentId(), instant(incident.discoveredAt()), instant(incident.containedAt()),
                        incident.timeToContain() == null ? "" : number(incident.timeToContain().toSeconds() / 3600.0),
                        instant(incident.individualsNotifiedAt()),
                        incident.timeToNotify() == null ? "" : number(incident.timeToNotify().toSeconds() / 86400.0));
            }
        }
        return attachment("response-times.csv", out);
    }

    private static ResponseEntity<String> csv(String name, List<SlaDashboard.DeadlineRow> rows) {
        var out = new StringBuilder();
        try (var csv = new SafeCsvWriter(out)) {
            // The first seven columns as before; then the step in words, who holds it and the due time in the company's zone.
            csv.printRecord("process", "step", "what", "owner_group", "due", "status", "link", "step_name", "held_by", "due_local");
            for (var row : rows) {
                csv.printRecord(row.processKey(), row.step(), row.what(), row.ownerGroup(), DateTimeFormatter.ISO_INSTANT.format(row.dueAt()),
                        row.status(), row.link(), row.stepName(), row.heldBy(), row.due());
            }
        }
        return attachment(name, out);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private static String instant(java.time.Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static ResponseEntity<String> attachment(String name, CharSequence out) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }
}
