package org.vigil.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The risk input of a management review (ISO 27001 9.3.2 f), results of risk assessment and status of the risk
 * treatment plan): at the end of the period (or now, for a period not yet over) the risks above the acceptance
 * threshold and those accepted, treatment actions overdue, assets not assessed within their period, and the
 * assessments signed off in the period; one item per risk above the threshold, by ids and codes (no description).
 * Counted from the register's timestamps, so a past period can be read again.
 */
@Component
class RiskReviewInput implements ReviewInputSource {

    static final String KEY = "risk";

    private final RiskFigures figures;
    private final Clock clock;

    RiskReviewInput(RiskFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "monthly", "annual");
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewInput read(ReviewPeriod period) {
        Instant now = clock.instant();
        Instant at = period.to().isAfter(now) ? now : period.to();
        var f = figures.at(at);
        String threshold = "rated above the acceptance threshold (" + f.acceptanceThreshold() + "), residual where treated, else inherent";
        var list = List.of(
                count("above-threshold", "Risks above the acceptance threshold", f.aboveThreshold(), threshold + ", not accepted, at the end of the period"),
                count("accepted", "Risks above the threshold accepted by their owner", f.accepted(), threshold + ", accepted by the end of the period"),
                count("treatment-actions-overdue", "Risk treatment actions overdue", f.treatmentActionsOverdue(),
                        "treatment actions open past their due date at the end of the period"),
                count("assets-unassessed", "Assets not assessed within their period", f.assetsUnassessed(),
                        "assets in use not assessed within " + RiskFigures.HIGH_PRIORITY_MONTHS + " months (high priority) or "
                                + RiskFigures.NORMAL_MONTHS + " months (others) at the end of the period"),
                count("assessments-signed-off", "Risk assessments signed off", figures.assessmentsSignedOff(period.from(), period.to()),
                        "assessments signed off in the period"));
        List<ReviewItem> items = figures.aboveThreshold(at).stream()
                .map(r -> new ReviewItem("R-" + r.riskId(), "R-" + r.riskId() + " asset " + r.assetId() + " threat " + r.threatId()
                        + ": rating " + r.rating() + " (" + r.band() + "), " + r.status().toLowerCase(java.util.Locale.ROOT),
                        r.rating() + ":" + r.status()))
                .toList();
        return new ReviewInput(KEY, "Risk assessment and treatment", "9.3.2 f) results of risk assessment and status of risk treatment plan",
                "Risk (register, assessments, treatment actions)", now, true, list, items,
                List.of("Ratings are the register's as last assessed, for the risks identified by the end of the period."));
    }

    private static ReviewFigure count(String key, String label, long value, String basis) {
        return new ReviewFigure(KEY + "." + key, label, (double) value, "count", basis, null);
    }
}
