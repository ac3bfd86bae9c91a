package org.vigil.managementreview;

import java.io.StringWriter;
import java.time.Clock;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.vigil.managementreview.ManagementReviewApi.PackInput;
import org.vigil.managementreview.ManagementReviewApi.TrendPoint;
import org.vigil.managementreview.ManagementReviewStore.StoredDocument;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.documents.Documents;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.Sha256;

/**
 * The review's document (templates/managementreview/review.vm): the frozen pack (each input with its source and the
 * moment it was read), the comparison with the previous review of the kind, the charts of each figure against the three
 * periods before (bars drawn as HTML tables, so the PDF stands alone), minutes, decisions with their actions, sign-off
 * and amendments. XHTML by the strict Velocity engine, every value HTML-escaped here; the PDF laid out by the
 * documents capability ({@code Documents.pdfOf}), as the audit report is.
 *
 * <p>Before the sign-off every download is rendered afresh and marked DRAFT, with no SHA-256. At the sign-off the PDF
 * is rendered once and stored (again after each amendment), and every download after it serves exactly those bytes,
 * so the SHA-256 recorded with the review is the hash of the file a reader holds.
 */
@Component
class ManagementReviewDocuments {

    private static final String TEMPLATE = "templates/managementreview/review.vm";

    private final ManagementReviews reviews;
    private final VelocityEngine velocity;
    private final Documents documents;
    private final ManagementReviewStore store;
    private final Clock clock;
    private final DateTimeFormatter format;

    ManagementReviewDocuments(ManagementReviews reviews, VelocityEngine velocity, CompanySettings company, Documents documents,
            ManagementReviewStore store, Clock clock) {
        this.reviews = reviews;
        this.velocity = velocity;
        this.documents = documents;
        this.store = store;
        this.clock = clock;
        format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(company.zone());
    }

    /**
     * The signed-off record's PDF as stored: rendered and stored the first time it is asked for after the sign-off or
     * after an amendment (Task_RenderDocument asks at once), then the same bytes every time, its SHA-256 recorded with
     * the review. The review's row is locked meanwhile, so a download and the render job store one PDF, not two.
     */
    @Transactional
    StoredDocument signedOffPdf(long reviewId) {
        var review = store.lockReview(reviewId).orElseThrow(() -> new NoSuchReviewException(reviewId));
        if (!review.signedOff()) {
            throw new IllegalStateException("Management review " + reviewId + " is not signed off: its document is a draft");
        }
        int amendments = store.amendmentCount(reviewId);
        var stored = store.latestDocument(reviewId).filter(d -> d.amendments() >= amendments).orElseGet(() -> {
            byte[] pdf = documents.pdfOf(html(reviewId, Rendering.PDF));
            store.insertDocument(reviewId, amendments, pdf, Sha256.hex(pdf), clock.instant());
            return store.latestDocument(reviewId).orElseThrow();
        });
        if (!stored.sha256().equals(review.documentSha256())) {
            reviews.documentRendered(reviewId, stored.sha256());
        }
        return stored;
    }

    /** Before the sign-off: a draft, rendered afresh each time. */
    byte[] draftPdf(long reviewId) {
        return documents.pdfOf(html(reviewId, Rendering.PDF));
    }

    /** The HTML page: a draft before the sign-off; after it, naming the SHA-256 of the signed-off PDF. */
    String html(long reviewId) {
        return html(reviewId, Rendering.HTML);
    }

    /** What is rendered: the PDF cannot name its own hash, the HTML page can name the PDF's. */
    private enum Rendering { HTML, PDF }

    private String html(long reviewId, Rendering rendering) {
        var detail = reviews.detail(reviewId);
        var review = detail.review();
        var comparison = reviews.comparison(reviewId);
        Map<String, Object> model = new HashMap<>();
        boolean draft = !review.signedOff();
        model.put("draft", draft);
        model.put("integrity", HtmlUtils.htmlEscape(draft ? "Draft: not signed off, so no SHA-256 is recorded for it; the record may still change."
                : rendering == Rendering.PDF ? "Signed off. The SHA-256 of this PDF is recorded with the review (documentSha256 of GET"
                        + " /api/management-reviews/" + reviewId + "): a copy whose hash differs is not this record."
                : review.documentSha256() == null ? "Signed off; its PDF is being stored (download document.pdf)."
                : "The signed-off PDF (document.pdf) has SHA-256 " + review.documentSha256() + ", stored " + at(review.documentRenderedAt()) + ".",
                "UTF-8"));
        model.put("review", map("id", review.id(), "kind", review.kind(), "label", review.periodLabel(), "from", at(review.periodFrom()),
                "to", at(review.periodTo()), "status", review.status(), "chair", review.chair(), "meetingAt", at(review.meetingAt()),
                "attendees", String.join(", ", review.attendees()), "frozenAt", at(review.frozenAt()),
                "signedOffAt", at(review.signedOffAt()), "signedOffBy", review.signedOffBy(), "createdAt", at(review.createdAt()),
                "createdBy", review.createdBy(), "minutes", detail.minutes(),
                "previous", comparison.previousReviewId() == null ? "none: this is the first review of its kind"
                        : "review " + comparison.previousReviewId() + " (" + comparison.previousPeriodLabel() + ")"));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (PackInput p : detail.pack()) {
            Map<String, Object> input = new LinkedHashMap<>();
            if (p.input() != null) {
                var in = p.input();
                input.putAll(map("key", p.key(), "title", in.title(), "iso", in.isoInput(), "source", in.source(), "readAt", at(p.readAt()),
                        "available", in.available() ? "yes" : "not available", "frozen", p.frozen() ? "frozen" : "live"));
                input.put("notes", in.notes().stream().map(n -> HtmlUtils.htmlEscape(n, "UTF-8")).toList());
                input.put("items", in.items().stream().map(i -> map("key", i.key(), "text", i.text())).toList());
                input.put("figures", in.figures().stream().map(f -> map("label", f.label(), "value", number(f.value()), "unit", f.unit(),
                        "basis", f.basis(), "target", f.target() == null ? "" : number(f.target()))).toList());
                input.put("charts", charts(in.figures(), p.trend(), review.periodLabel()));
                input.put("statement", "");
            } else {
                input.putAll(map("key", p.key(), "title", reviews.preparationTitle(p.key()),
                        "iso", ManagementReviews.PEOPLE_INPUTS.get(p.key())[1], "source", "entered by " + Objects.toString(p.enteredBy(), "nobody yet")
                                + " for " + p.ownerGroup(), "readAt", at(p.enteredAt()), "available", p.statement() == null ? "not entered" : "yes",
                        "frozen", p.frozen() ? "frozen" : "live", "statement", Objects.toString(p.statement(), "")));
                input.put("notes", List.of());
                input.put("items", List.of());
                input.put("figures", List.of());
                input.put("charts", List.of());
            }
            inputs.add(input);
        }
        model.put("inputs", inputs);
        List<Map<String, String>> changes = new ArrayList<>();
        for (var c : comparison.inputs()) {
            for (var f : c.figures()) {
                if (!"same".equals(f.change())) {
                    changes.add(map("input", c.title(), "what", f.label(), "change", f.change(),
                            "detail", number(f.previous()) + " → " + number(f.current()) + " " + Objects.toString(f.unit(), "")));
                }
            }
            for (var i : c.items()) {
                changes.add(map("input", c.title(), "what", i.key(), "change", i.change(), "detail", i.text()));
            }
        }
        model.put("changes", changes);
        model.put("decisions", detail.decisions().stream().map(d -> map("n", d.position(), "text", d.text(), "group", d.ownerGroup(),
                "owner", d.owner(), "due", d.dueDate(), "action", d.correctiveActionId() == null ? "" : "CA-" + d.correctiveActionId(),
                "status", d.actionStatus())).toList());
        model.put("amendments", detail.amendments().stream().map(a -> map("id", a.id(), "text", a.text(), "why", a.why(),
                "by", a.amendedBy(), "at", at(a.amendedAt()))).toList());
        var out = new StringWriter();
        velocity.getTemplate(TEMPLATE, "UTF-8").merge(new VelocityContext(model), out);
        return out.toString();
    }

    /** One chart per figure with a value above zero in one of the periods: the periods before, then this one, as bars scaled to the largest value. */
    private List<Map<String, Object>> charts(List<ReviewFigure> figures, List<TrendPoint> trend, String label) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (ReviewFigure f : figures) {
            List<String[]> points = new ArrayList<>();
            for (TrendPoint t : trend) {
                Double v = t.figures().get(f.key());
                points.add(new String[] {t.periodLabel(), v == null ? null : String.valueOf(v)});
            }
            points.add(new String[] {label, f.value() == null ? null : String.valueOf(f.value())});
            double max = points.stream().filter(p -> p[1] != null).mapToDouble(p -> Double.parseDouble(p[1])).max().orElse(0);
            if (trend.isEmpty() || max <= 0) {
                // Nothing to compare: a figure that was zero or not known in all four periods gets no chart.
                continue;
            }
            List<Map<String, String>> bars = new ArrayList<>();
            for (String[] p : points) {
                double v = p[1] == null ? 0 : Double.parseDouble(p[1]);
                int width = max <= 0 ? 0 : (int) Math.round(v / max * 100);
                bars.add(map("period", p[0], "value", p[1] == null ? "n/a" : number(v), "width", Math.max(width, 0), "rest", 100 - Math.max(width, 0)));
            }
            Map<String, Object> chart = new LinkedHashMap<>(map("label", f.label(), "unit", f.unit()));
            chart.put("bars", bars);
            charts.add(chart);
        }
        return charts;
    }

    private String at(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    private static String number(Double value) {
        if (value == null) {
            return "n/a";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static Map<String, String> map(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], HtmlUtils.htmlEscape(Objects.toString(pairs[i + 1], ""), "UTF-8"));
        }
        return map;
    }
}
