package org.vigil.breach;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.vigil.platform.CompanySettings;

/**
 * The exercise report as a page: the scenario, who ran it and for which audit, each measured step's deadline from the
 * SLA policy and the time it took, and the gaps. Every value is HTML-escaped here. Marked EXERCISE like everything
 * else of an exercise.
 */
@Component
class ExerciseReportRenderer {

    private final DateTimeFormatter format;

    ExerciseReportRenderer(CompanySettings company) {
        format = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH).withZone(company.zone());
    }

    String html(Exercises.Report report) {
        var html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>EXERCISE report: incident ")
                .append(report.incidentId()).append("</title><style>body{font-family:sans-serif;margin:2em;color:#111}"
                        + ".exercise{border:2px solid #b00020;color:#b00020;font-weight:bold;padding:.4em;text-align:center}"
                        + "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em;text-align:left}"
                        + "tr.gap td{background:#fde8e8}</style></head><body>\n");
        html.append("<div class=\"exercise\">EXERCISE: a breach-response exercise on a fictional incident; its figures count in no real one.</div>\n");
        html.append("<h1>Exercise report: incident ").append(report.incidentId()).append("</h1>\n<table>\n");
        row(html, "Scenario", report.scenario() + ": " + report.title());
        row(html, "Audit", report.auditId() == null ? "none" : "audit " + report.auditId());
        row(html, "Started", at(report.startedAt()) + " by " + report.startedBy());
        row(html, "Participants", String.join(", ", report.participants()));
        row(html, "Incident status", report.status());
        row(html, "Reported", report.reportedAt() == null ? "not yet: the exercise is running" : at(report.reportedAt()) + " by " + report.reportedBy());
        html.append("</table>\n<h2>Times a real incident would have had</h2>\n<table id=\"steps\">\n")
                .append("<tr><th>Step</th><th>Deadline (SLA policy)</th><th>Target from the start</th><th>Reached</th><th>Time from the start</th><th>Result</th></tr>\n");
        for (var step : report.steps()) {
            html.append("<tr class=\"").append(step.gap() ? "gap" : "met").append("\" data-step=\"").append(esc(step.step())).append("\">")
                    .append(td(step.name())).append(td(at(step.dueAt()))).append(td(duration(step.target())))
                    .append(td(step.reachedAt() == null ? "not reached" : at(step.reachedAt()))).append(td(duration(step.actual())))
                    .append(td(!step.required() ? "not required by this response" : step.gap() ? "GAP"
                            : step.reachedAt() == null ? "pending" : "met")).append("</tr>\n");
        }
        html.append("</table>\n<h2>Gaps</h2>\n");
        if (report.gaps().isEmpty()) {
            html.append("<p id=\"gaps\">None: every step was reached within its deadline.</p>\n");
        } else {
            html.append("<ol id=\"gaps\">\n");
            for (var gap : report.gaps()) {
                html.append("<li>").append(esc(gap.step())).append(": target ").append(esc(duration(gap.target()))).append(", ")
                        .append(gap.actual() == null ? "never reached" : "took " + esc(duration(gap.actual()))).append("</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String heading, String value) {
        html.append("<tr><th>").append(esc(heading)).append("</th>").append(td(value)).append("</tr>\n");
    }

    private static String td(String value) {
        return "<td>" + esc(value) + "</td>";
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }

    private String at(Instant instant) {
        return instant == null ? "none" : format.format(instant);
    }

    /** "2 d 4 h 05 min", "35 min". */
    static String duration(Duration duration) {
        if (duration == null) {
            return "none";
        }
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d d %d h %02d min", days, hours, rest);
        }
        return hours > 0 ? String.format(Locale.ROOT, "%d h %02d min", hours, rest) : rest + " min";
    }
}
