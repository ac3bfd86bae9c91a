package org.vigil.accessreview;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.vigil.accessreview.AccessReviewApi.CampaignFigures;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.Rows.CampaignSnapshotRow;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.Rows.ReviewerRow;
import org.vigil.accessreview.Rows.RevocationRow;
import org.vigil.accessreview.Rows.SignOffRow;
import org.vigil.accessreview.Rows.SystemRow;
import org.vigil.platform.CompanySettings;

/**
 * The campaign report (templates/accessreview/campaign-report.vm), HTML, by the application's strict Velocity engine; every value is
 * HTML-escaped here, before the template sees it, because account names come from imports.
 */
@Component
class CampaignReportRenderer {

    private static final String TEMPLATE = "templates/accessreview/campaign-report.vm";
    private final VelocityEngine velocity;
    private final DateTimeFormatter format;

    CampaignReportRenderer(VelocityEngine velocity, CompanySettings company) {
        this.velocity = velocity;
        format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(company.zone());
    }

    String render(CampaignRow campaign, Instant closedAt, List<CampaignSnapshotRow> snapshots, List<SystemRow> systems,
            List<ReviewerRow> reviewers, List<ItemRow> items, List<RevocationRow> revocations, List<SignOffRow> signOffs,
            CampaignFigures figures) {
        Map<String, SystemRow> register = new HashMap<>();
        systems.forEach(s -> register.put(s.id(), s));
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", map(
                "id", campaign.id(), "startedBy", campaign.startedBy(), "startedAt", at(campaign.startedAt()),
                "dueAt", at(campaign.dueAt()), "closedAt", at(closedAt), "changesOnly", campaign.changesOnly() ? "yes" : "no",
                "items", figures.items(), "decided", figures.decided(), "exceptions", figures.exceptions(),
                "completion", String.format(java.util.Locale.ROOT, "%.1f %%", figures.completionRate() * 100),
                "revocations", figures.revocations(), "verified", figures.revocationsVerified()));
        model.put("snapshots", rows(snapshots, s -> map("kind", s.kind(), "system", s.systemId() == null ? "HR roster" : s.systemId(),
                "owner", s.systemId() != null && register.containsKey(s.systemId()) ? register.get(s.systemId()).ownerId() : "",
                "snapshot", s.snapshotId(), "rows", s.rowCount(), "checksum", s.checksum())));
        model.put("reviewers", rows(reviewers, r -> map("reviewer", r.reviewerId(), "delegatedFrom", r.delegatedFrom(),
                "completedAt", at(r.completedAt()), "remindedAt", at(r.remindedAt()), "escalatedAt", at(r.escalatedAt()))));
        model.put("items", rows(items, i -> map("id", i.id(), "system", i.systemId(), "account", i.account(),
                "person", i.personId(), "entitlement", i.entitlement(), "flags", i.flags().replace(",", ", "),
                "role", i.reviewRole(), "reviewer", i.reviewerId(), "decision", i.decision() == null ? "undecided" : i.decision(),
                "reason", i.reason(), "decidedBy", i.decidedBy(), "decidedAt", at(i.decidedAt()),
                "exception", i.exception() ? "EXCEPTION" : "")));
        model.put("exceptions", rows(items.stream().filter(ItemRow::exception).toList(), i -> map("id", i.id(),
                "system", i.systemId(), "account", i.account(), "entitlement", i.entitlement(), "reviewer", i.reviewerId())));
        model.put("revocations", rows(revocations, r -> map("id", r.id(), "system", r.systemId(), "account", r.account(),
                "entitlement", r.entitlement(), "decidedBy", r.decidedBy(), "decidedAt", at(r.decidedAt()),
                "dueAt", at(r.dueAt()), "deprovisionedBy", r.deprovisionedBy(), "deprovisionedAt", at(r.deprovisionedAt()),
                "verification", r.verification() == null ? "not yet verified" : r.verification(),
                "verifiedBy", r.verifiedBy(), "verifiedAt", at(r.verifiedAt()))));
        model.put("signOffs", rows(signOffs, s -> map("system", s.systemId(), "signedBy", s.signedBy(),
                "signedAt", at(s.signedAt()), "comment", s.comment())));
        var out = new StringWriter();
        velocity.getTemplate(TEMPLATE, "UTF-8").merge(new VelocityContext(model), out);
        return out.toString();
    }

    private String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    private static <T> List<Map<String, String>> rows(List<T> rows, Function<T, Map<String, String>> mapper) {
        List<Map<String, String>> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(mapper.apply(row)));
        return result;
    }

    /** Key-value pairs as escaped strings; null becomes empty. */
    private static Map<String, String> map(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], HtmlUtils.htmlEscape(Objects.toString(pairs[i + 1], "")));
        }
        return map;
    }
}
