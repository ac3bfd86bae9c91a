package org.vigil.risk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.ActionSummary;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.platform.CompanySettings;

/**
 * The risk register's figures for the SLA dashboard, its gauges and the management review (ISO 27001 9.1, 9.3.2 f):
 * risks above the acceptance threshold, treatment actions overdue, assets not assessed within their period, and the
 * heat map. A risk's rating is its residual one once treated, else its inherent one; risks not yet rated, closed, or
 * of a retired asset are not counted. Read from the register's tables (V031) as they are at {@code at}, so a past
 * moment can be asked again: what was identified, accepted, added, retired or signed off later is left out.
 */
@Service
@NamedInterface("api")
public class RiskFigures {

    /** Months within which an asset must have been assessed: high-priority (PHI) assets every quarter, others every year. */
    public static final int HIGH_PRIORITY_MONTHS = 3;
    public static final int NORMAL_MONTHS = 12;

    /**
     * {@code aboveThreshold}: rated above the acceptance threshold and not accepted by their owner; {@code accepted}:
     * above it and accepted; {@code treatmentActionsOverdue}: open treatment actions (corrective-action source
     * {@code RISK_TREATMENT}) past their due date; {@code assetsUnassessed}: assets in use whose last assessment (or,
     * never assessed, their addition) is older than their period.
     */
    @NamedInterface("api")
    public record Figures(long aboveThreshold, long accepted, long treatmentActionsOverdue, long assetsUnassessed,
            int acceptanceThreshold, RiskHeatMap heatMap, Instant asOf) {}

    /** One risk above the threshold, ids and codes only (no description). */
    @NamedInterface("api")
    public record RiskAboveThreshold(long riskId, String assetId, String threatId, int rating, String band, String status) {}

    private static final String RATED = "coalesce(r.residual_rating, r.inherent_rating)";
    private static final String IN_USE_AT = " r.identified_at <= :at and r.status <> 'CLOSED'"
            + " and (a.retired_at is null or a.retired_at > :at) and " + RATED + " is not null";

    private final JdbcClient jdbc;
    private final RiskCriteria criteria;
    private final CorrectiveActions actions;
    private final Clock clock;
    private final ZoneId zone;

    RiskFigures(JdbcClient jdbc, RiskCriteria criteria, CorrectiveActions actions, Clock clock, CompanySettings company) {
        this.jdbc = jdbc;
        this.criteria = criteria;
        this.actions = actions;
        this.clock = clock;
        this.zone = company.zone();
    }

    @Transactional(readOnly = true)
    public Figures now() {
        return at(clock.instant());
    }

    @Transactional(readOnly = true)
    public Figures at(Instant at) {
        int threshold = criteria.acceptanceThreshold();
        long accepted = acceptedAt(at, threshold);
        long above = jdbc.sql("select count(*) from risk_entry r join risk_asset a on a.id = r.asset_id where" + IN_USE_AT
                        + " and " + RATED + " > :threshold")
                .param("at", Timestamp.from(at)).param("threshold", threshold).query(Long.class).single() - accepted;
        return new Figures(above, accepted, treatmentActionsOverdue(at), assetsUnassessed(at), threshold, heatMap(at), at);
    }

    /** The risks above the threshold and not accepted at {@code at}, highest rating first. */
    @Transactional(readOnly = true)
    public List<RiskAboveThreshold> aboveThreshold(Instant at) {
        return jdbc.sql("select r.id, r.asset_id, r.threat_id, " + RATED + " rating, r.status from risk_entry r"
                        + " join risk_asset a on a.id = r.asset_id where" + IN_USE_AT + " and " + RATED + " > :threshold"
                        + " and not (r.status = 'ACCEPTED' and r.accepted_at <= :at) order by rating desc, r.id")
                .param("at", Timestamp.from(at)).param("threshold", criteria.acceptanceThreshold())
                .query((rs, n) -> new RiskAboveThreshold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        criteria.bandOf(rs.getInt(4)), rs.getString(5)))
                .list();
    }

    /** Assessments signed off in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public long assessmentsSignedOff(Instant from, Instant to) {
        return jdbc.sql("select count(*) from risk_assessment where signed_off_at >= :from and signed_off_at < :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public RiskHeatMap heatMap(Instant at) {
        long[][] counts = new long[6][6];
        jdbc.sql("select coalesce(r.residual_likelihood, r.inherent_likelihood) l, coalesce(r.residual_impact, r.inherent_impact) i, count(*)"
                        + " from risk_entry r join risk_asset a on a.id = r.asset_id where" + IN_USE_AT
                        + " group by l, i")
                .param("at", Timestamp.from(at))
                .query((rs, n) -> {
                    int l = rs.getInt(1);
                    int i = rs.getInt(2);
                    if (l >= 1 && l <= 5 && i >= 1 && i <= 5) {
                        counts[l][i] += rs.getLong(3);
                    }
                    return null;
                }).list();
        int threshold = criteria.acceptanceThreshold();
        List<RiskHeatMap.Row> rows = new ArrayList<>();
        long total = 0;
        for (int l = 5; l >= 1; l--) {
            List<RiskHeatMap.Cell> cells = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int rating = l * i;
                cells.add(new RiskHeatMap.Cell(l, i, rating, criteria.bandOf(rating), rating > threshold, counts[l][i]));
                total += counts[l][i];
            }
            rows.add(new RiskHeatMap.Row(l, criteria.likelihood().get(l - 1).name(), List.copyOf(cells)));
        }
        return new RiskHeatMap(List.copyOf(rows), total, threshold);
    }

    private long acceptedAt(Instant at, int threshold) {
        return jdbc.sql("select count(*) from risk_entry r join risk_asset a on a.id = r.asset_id where" + IN_USE_AT
                        + " and " + RATED + " > :threshold and r.status = 'ACCEPTED' and r.accepted_at <= :at")
                .param("at", Timestamp.from(at)).param("threshold", threshold).query(Long.class).single();
    }

    /** Raised by {@code at}, due before it, and not closed by then. */
    private long treatmentActionsOverdue(Instant at) {
        return actions.bySource(ActionSource.RISK_TREATMENT, "risk:").stream()
                .filter(a -> !a.exercise() && a.raisedAt() != null && !a.raisedAt().isAfter(at))
                .filter(a -> a.dueAt() != null && a.dueAt().isBefore(at))
                .filter(a -> !closedBy(a, at))
                .count();
    }

    private static boolean closedBy(ActionSummary action, Instant at) {
        return action.closedAt() != null && !action.closedAt().isAfter(at);
    }

    /**
     * Assets in use at {@code at} whose last assessment signed off by then (else their addition) is older than their
     * period, counted in whole months of the company's calendar.
     */
    private long assetsUnassessed(Instant at) {
        Instant highSince = at.atZone(zone).minusMonths(HIGH_PRIORITY_MONTHS).toInstant();
        Instant normalSince = at.atZone(zone).minusMonths(NORMAL_MONTHS).toInstant();
        // The last sign-off by then, from the assessments that covered the asset; last_assessed_at where that is all there is.
        return jdbc.sql("select count(*) from risk_asset a where a.added_at <= :at and (a.retired_at is null or a.retired_at > :at)"
                        + " and coalesce((select max(s.signed_off_at) from risk_assessment s join risk_assessment_asset x on x.assessment_id = s.id"
                        + "   where x.asset_id = a.id and s.signed_off_at <= :at),"
                        + "  case when a.last_assessed_at <= :at then a.last_assessed_at end, a.added_at)"
                        + " < case when a.priority = 'high' then :high else :normal end")
                .param("at", Timestamp.from(at)).param("high", Timestamp.from(highSince)).param("normal", Timestamp.from(normalSince))
                .query(Long.class).single();
    }
}
