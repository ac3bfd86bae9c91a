package org.vigil.audit;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.vigil.audit.AuditApi.AuditDetail;
import org.vigil.documents.Documents;
import org.vigil.platform.CompanySettings;

/**
 * The audit report (templates/audit/audit-report.vm), XHTML by the application's strict Velocity engine, every value
 * HTML-escaped here before the template sees it; and its PDF, laid out by the documents capability as its notices are.
 */
@Component
class AuditReportRenderer {

    private static final String TEMPLATE = "templates/audit/audit-report.vm";

    private final VelocityEngine velocity;
    private final DateTimeFormatter format;
    private final Documents documents;

    AuditReportRenderer(VelocityEngine velocity, CompanySettings company, Documents documents) {
        this.velocity = velocity;
        this.documents = documents;
        format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(company.zone());
    }

    String html(AuditDetail detail, int version, String stage, Map<String, AuditArea> areas) {
        var audit = detail.audit();
        Map<String, Object> model = new HashMap<>();
        model.put("audit", map("id", audit.id(), "kind", audit.kind(), "year", audit.programmeYear(),
                "quarter", audit.programmeQuarter() == null ? "" : "Q" + audit.programmeQuarter(), "criteria", audit.criteria(),
                "lead", audit.leadAuditor(), "team", String.join(", ", audit.team()), "plannedStart", day(audit.plannedStart()),
                "plannedEnd", day(audit.plannedEnd()), "responseDue", at(audit.responseDue()), "createdBy", audit.createdBy(),
                "createdAt", at(audit.createdAt()), "version", version, "stage", stage.toUpperCase(java.util.Locale.ROOT)));
        List<Map<String, String>> scope = new ArrayList<>();
        for (String id : audit.scope()) {
            AuditArea area = areas.get(id);
            scope.add(map("id", id, "name", area == null ? "" : area.name(), "owner", area == null ? "" : area.ownerGroup(),
                    "cites", area == null ? "" : String.join(", ", area.cites())));
        }
        model.put("scope", scope);
        model.put("checklist", detail.checklist().stream().map(i -> map("question", i.questionId(), "area", i.area(),
                "cites", String.join(", ", i.cites()), "text", i.text(), "result", i.result() == null ? "" : i.result(),
                "notes", i.evidenceNotes(), "links", String.join(" ", i.evidenceLinks()))).toList());
        model.put("findings", detail.findings().stream().map(f -> map("id", f.id(), "question", f.questionId(), "area", f.area(),
                "kind", f.kind(), "description", f.description(), "owner", f.ownerGroup(),
                "repeatOf", f.repeatOf() == null ? "" : "repeats finding " + f.repeatOf(),
                "action", f.correctiveActionId() == null ? "" : "action " + f.correctiveActionId(), "status", f.status())).toList());
        model.put("evidence", detail.evidence().stream().map(e -> map("id", e.id(), "question", e.questionId(), "name", e.fileName(),
                "bytes", e.size(), "sha256", e.sha256(), "by", e.uploadedBy(), "at", at(e.uploadedAt()))).toList());
        model.put("responses", detail.responses().stream().map(r -> map("group", r.ownerGroup(), "response", r.response(),
                "by", r.respondedBy(), "at", at(r.respondedAt()))).toList());
        List<Map<String, String>> counts = new ArrayList<>();
        detail.findingsByKind().forEach((kind, count) -> counts.add(map("kind", kind, "count", count)));
        model.put("counts", counts);
        var out = new StringWriter();
        velocity.getTemplate(TEMPLATE, "UTF-8").merge(new VelocityContext(model), out);
        return out.toString();
    }

    byte[] pdf(String html) {
        return documents.pdfOf(html);
    }

    private String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    private static Map<String, String> map(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], HtmlUtils.htmlEscape(Objects.toString(pairs[i + 1], "")));
        }
        return map;
    }
}
