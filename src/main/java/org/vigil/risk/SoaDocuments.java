package org.vigil.risk;

import java.io.StringWriter;
import java.time.Instant;
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
import org.vigil.documents.Documents;
import org.vigil.platform.CompanySettings;

/**
 * The Statement of Applicability's document (templates/risk/soa.vm): the 93 controls by theme with applicability,
 * status, justification and the risks each treats, and the register's heat map as an HTML table, so the PDF stands
 * alone. XHTML by the strict Velocity engine, every value HTML-escaped here; the PDF laid out by the documents
 * capability ({@code Documents.pdfOf}), as the management review's is.
 */
@Component
class SoaDocuments {

    private static final String TEMPLATE = "templates/risk/soa.vm";

    private final VelocityEngine velocity;
    private final Documents documents;
    private final DateTimeFormatter format;

    SoaDocuments(VelocityEngine velocity, Documents documents, CompanySettings company) {
        this.velocity = velocity;
        this.documents = documents;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(company.zone());
    }

    /** {@code version} null: the current statement, marked as not a version. */
    String html(Soa.Version version, List<Soa.Control> controls, RiskHeatMap heatMap) {
        Map<String, Object> model = new HashMap<>();
        long applicable = controls.stream().filter(Soa.Control::applicable).count();
        model.put("soa", map("title", version == null ? "Statement of Applicability (current, not a version)"
                        : "Statement of Applicability, version " + version.version(),
                "basis", version == null ? "As kept in Vigil now; versions are frozen at each risk assessment's sign-off."
                        : "Frozen at the sign-off of risk assessment " + version.assessmentId() + " (" + version.assessmentKind()
                                + (version.triggerType() == null ? "" : ", started by " + version.triggerType()) + ") by "
                                + version.signedOffBy() + " on " + at(version.signedOffAt()) + ".",
                "applicable", applicable, "notApplicable", controls.size() - applicable, "total", controls.size()));
        List<Map<String, Object>> themes = new ArrayList<>();
        String theme = null;
        List<Map<String, String>> rows = null;
        for (Soa.Control c : controls) {
            if (!c.theme().equals(theme)) {
                theme = c.theme();
                rows = new ArrayList<>();
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", HtmlUtils.htmlEscape(Character.toUpperCase(theme.charAt(0)) + theme.substring(1) + " controls", "UTF-8"));
                t.put("controls", rows);
                themes.add(t);
            }
            rows.add(map("id", c.controlId(), "title", c.title(), "applicable", c.applicable() ? "yes" : "no", "status", c.status(),
                    "justification", c.justification(), "risks", risks(c.riskIds()), "changed", c.changedBy() + ", " + at(c.changedAt())));
        }
        model.put("themes", themes);
        model.put("heatMap", heatMapModel(heatMap));
        var out = new StringWriter();
        velocity.getTemplate(TEMPLATE, "UTF-8").merge(new VelocityContext(model), out);
        return out.toString();
    }

    byte[] pdf(String html) {
        return documents.pdfOf(html);
    }

    /** The heat map as the templates draw it (templates/risk/heat-map.vm), values escaped. */
    static Map<String, Object> heatMapModel(RiskHeatMap heatMap) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RiskHeatMap.Row row : heatMap.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("likelihood", row.likelihood());
            r.put("name", HtmlUtils.htmlEscape(row.likelihoodName(), "UTF-8"));
            r.put("cells", row.cells().stream().map(c -> map("impact", c.impact(), "rating", c.rating(), "band", c.band(),
                    "count", c.count(), "above", c.aboveThreshold() ? "above" : "within")).toList());
            rows.add(r);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("total", heatMap.total());
        model.put("threshold", heatMap.acceptanceThreshold());
        return model;
    }

    static String risks(List<Long> ids) {
        return ids.isEmpty() ? "" : String.join(", ", ids.stream().map(id -> "R-" + id).toList());
    }

    private String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    static Map<String, String> map(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], HtmlUtils.htmlEscape(Objects.toString(pairs[i + 1], ""), "UTF-8"));
        }
        return map;
    }
}
