package org.vigil.sla;

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
    List<SlaDashboard.DeadlineRow> overdue() {
        return dashboard.overdue();
    }

    @GetMapping("/api/sla/at-risk")
    @ResponseBody
    List<SlaDashboard.DeadlineRow> atRisk(@RequestParam(defaultValue = "7") int days) {
        return dashboard.atRisk(Math.max(1, Math.min(days, 90)));
    }

    @GetMapping(value = "/api/sla/overdue.csv")
    ResponseEntity<String> overdueCsv() {
        return csv("overdue.csv", dashboard.overdue());
    }

    @GetMapping(value = "/api/sla/at-risk.csv")
    ResponseEntity<String> atRiskCsv(@RequestParam(defaultValue = "7") int days) {
        return csv("at-risk.csv", dashboard.atRisk(Math.max(1, Math.min(days, 90))));
    }

    private static ResponseEntity<String> csv(String name, List<SlaDashboard.DeadlineRow> rows) {
        var out = new StringBuilder();
        try (var csv = new SafeCsvWriter(out)) {
            csv.printRecord("process", "step", "what", "owner_group", "due", "status", "link");
            for (var row : rows) {
                csv.printRecord(row.processKey(), row.step(), row.what(), row.ownerGroup(), DateTimeFormatter.ISO_INSTANT.format(row.dueAt()),
                        row.status(), row.link());
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }
}
