package org.vigil.risk;

import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.vigil.platform.CompanySettings;

/**
 * {@code /risk}: the register (assets, risks with their ratings, no descriptions), the heat map, the figures and the
 * Statement of Applicability with its versions, for the CISO, managers, auditors and administrators, behind the
 * pages' login (platform's security rules). Rendered on the server from templates/risk/page.vm, every value escaped,
 * no script; the documents it links are the API's, under the page's session.
 */
@Controller
class RiskPage {

    static final String PAGE = "/risk";
    private static final String TEMPLATE = "templates/risk/page.vm";

    private final JdbcClient jdbc;
    private final StatementOfApplicability soa;
    private final RiskFigures figures;
    private final RiskCriteria criteria;
    private final VelocityEngine velocity;
    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter format;

    RiskPage(JdbcClient jdbc, StatementOfApplicability soa, RiskFigures figures, RiskCriteria criteria, VelocityEngine velocity, Clock clock,
            CompanySettings company) {
        this.jdbc = jdbc;
        this.soa = soa;
        this.figures = figures;
        this.criteria = criteria;
        this.velocity = velocity;
        this.clock = clock;
        this.zone = company.zone();
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
    }

    @GetMapping({PAGE, PAGE + "/"})
    ResponseEntity<String> page(Authentication caller) {
        StatementOfApplicability.requireReader(SoaController.groups(caller));
        Instant now = clock.instant();
        var f = figures.at(now);
        Map<String, Object> model = new HashMap<>();
        model.put("page", SoaDocuments.map("asOf", format.format(now)));
        model.put("figures", SoaDocuments.map("threshold", f.acceptanceThreshold(), "above", f.aboveThreshold(), "accepted", f.accepted(),
                "overdue", f.treatmentActionsOverdue(), "unassessed", f.assetsUnassessed()));
        model.put("heatMap", SoaDocuments.heatMapModel(f.heatMap()));
        model.put("assets", assets(now));
        model.put("risks", risks());
        var current = soa.current();
        model.put("soa", SoaDocuments.map("applicable", current.applicable(), "total", current.controls().size()));
        model.put("controls", current.controls().stream().map(c -> SoaDocuments.map("id", c.controlId(), "title", c.title(),
                "applicable", c.applicable() ? "yes" : "no", "status", c.status(), "justification", c.justification(),
                "risks", SoaDocuments.risks(c.riskIds()))).toList());
        model.put("versions", soa.versions().stream().map(v -> SoaDocuments.map("version", v.version(),
                "assessment", v.assessmentId() + " (" + v.assessmentKind() + ")", "signedOff", format.format(v.signedOffAt()) + " by " + v.signedOffBy(),
                "sha", v.documentSha256())).toList());
        var out = new StringWriter();
        velocity.getTemplate(TEMPLATE, "UTF-8").merge(new VelocityContext(model), out);
        return SoaController.html(out.toString());
    }

    @GetMapping(PAGE + "/soa/document.pdf")
    ResponseEntity<byte[]> currentPdf(Authentication caller) {
        StatementOfApplicability.requireReader(SoaController.groups(caller));
        return SoaController.pdf(soa.pdfOf(soa.currentHtml()), "statement-of-applicability-current.pdf");
    }

    @GetMapping(PAGE + "/soa/versions/{version}/document.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable int version, Authentication caller) {
        StatementOfApplicability.requireReader(SoaController.groups(caller));
        return SoaController.pdf(soa.versionPdf(version), "statement-of-applicability-v" + version + ".pdf");
    }

    @GetMapping(PAGE + "/soa/versions/{version}/document.html")
    ResponseEntity<String> versionHtml(@PathVariable int version, Authentication caller) {
        StatementOfApplicability.requireReader(SoaController.groups(caller));
        return SoaController.html(soa.versionHtml(version));
    }

    /** Assets in use, high priority first, with when their next assessment falls due. */
    private List<Map<String, String>> assets(Instant now) {
        return jdbc.sql("SELECT id, name, classification, priority, owner_id, added_at, last_assessed_at FROM risk_asset"
                        + " WHERE retired_at IS NULL ORDER BY priority = 'high' DESC, id")
                .query((rs, n) -> {
                    Instant last = instant(rs.getTimestamp("last_assessed_at"));
                    Instant from = last != null ? last : instant(rs.getTimestamp("added_at"));
                    int months = "high".equals(rs.getString("priority")) ? RiskFigures.HIGH_PRIORITY_MONTHS : RiskFigures.NORMAL_MONTHS;
                    Instant due = from.atZone(zone).plusMonths(months).toInstant();
                    return SoaDocuments.map("id", rs.getString("id"), "name", rs.getString("name"), "classification", rs.getString("classification"),
                            "priority", rs.getString("priority"), "owner", rs.getString("owner_id"), "lastAssessed", last == null ? "never" : format.format(last),
                            "due", format.format(due) + (due.isBefore(now) ? " (overdue)" : ""), "dueClass", due.isBefore(now) ? "late" : "");
                }).list();
    }

    /** Open risks of assets in use, highest rating first: ids, codes and ratings, never the description. */
    private List<Map<String, String>> risks() {
        return jdbc.sql("SELECT r.id, r.asset_id, r.threat_id, r.owner_id, r.inherent_likelihood, r.inherent_impact, r.inherent_rating,"
                        + " r.residual_likelihood, r.residual_impact, r.residual_rating, r.treatment, r.status,"
                        + " (SELECT group_concat(c.control_id ORDER BY c.control_id SEPARATOR ', ') FROM risk_control c WHERE c.risk_id = r.id) controls"
                        + " FROM risk_entry r JOIN risk_asset a ON a.id = r.asset_id WHERE r.status <> 'CLOSED' AND a.retired_at IS NULL"
                        + " ORDER BY coalesce(r.residual_rating, r.inherent_rating) DESC, r.id")
                .query((rs, n) -> {
                    Integer rating = (Integer) rs.getObject("residual_rating", Integer.class);
                    if (rating == null) {
                        rating = (Integer) rs.getObject("inherent_rating", Integer.class);
                    }
                    return SoaDocuments.map("id", "R-" + rs.getLong("id"), "asset", rs.getString("asset_id"), "threat", rs.getString("threat_id"),
                            "owner", rs.getString("owner_id"),
                            "inherent", rating(rs.getObject("inherent_likelihood", Integer.class), rs.getObject("inherent_impact", Integer.class),
                                    rs.getObject("inherent_rating", Integer.class)),
                            "residual", rating(rs.getObject("residual_likelihood", Integer.class), rs.getObject("residual_impact", Integer.class),
                                    rs.getObject("residual_rating", Integer.class)),
                            "band", rating == null ? "not rated" : criteria.bandOf(rating), "treatment", rs.getString("treatment"),
                            "status", rs.getString("status"), "controls", rs.getString("controls"));
                }).list();
    }

    private static String rating(Integer likelihood, Integer impact, Integer rating) {
        return rating == null ? "" : likelihood + " x " + impact + " = " + rating;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
