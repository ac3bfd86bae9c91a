package org.vigil.audit;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
import org.vigil.platform.CompanySettings;

/**
 * The audit report (templates/audit/audit-report.vm), XHTML by the application's strict Velocity engine, every value
 * HTML-escaped here before the template sees it; and its PDF, by openhtmltopdf with the DejaVu fonts, as documents'
 * notices are (documents' API renders only its own notice kinds, so the few lines of the PDF step are here).
 */
@Component
class AuditReportRenderer {

    private static final String TEMPLATE = "templates/audit/audit-report.vm";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String FONT_FAMILY = "DejaVu Sans";

    static {
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    private final VelocityEngine velocity;
    private final DateTimeFormatter format;
    private final byte[] regularFont;
    private final byte[] boldFont;

    AuditReportRenderer(VelocityEngine velocity, CompanySettings company) {
        this.velocity = velocity;
        format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(company.zone());
        regularFont = resource(FONTS + "DejaVuSans.ttf");
        boldFont = resource(FONTS + "DejaVuSans-Bold.ttf");
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
        var out = new ByteArrayOutputStream(32 * 1024);
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit report's PDF", e);
        }
        return out.toByteArray();
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

    private static byte[] resource(String path) {
        try (InputStream in = AuditReportRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font " + path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
