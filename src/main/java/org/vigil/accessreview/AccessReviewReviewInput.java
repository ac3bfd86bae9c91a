package org.vigil.accessreview;

import static org.vigil.accessreview.Rows.ts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The access-review input of a management review (ISO 27001 9.3 c) 2), A.5.18; HIPAA 164.308(a)(3)-(4)): the
 * campaigns closed in the period, on time when every reviewer had completed their reviews by the campaign's due date,
 * their items, decisions and exceptions, the accounts revoked, and the removals verified in the period after their
 * verify-by date. Read from the campaign tables, which a closed campaign no longer changes; a removal verified after a
 * first reading joins the period it was verified in.
 */
@Component
class AccessReviewReviewInput implements ReviewInputSource {

    static final String KEY = "access-reviews";

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessReviewReviewInput(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "annual");
    }

    record Campaign(long id, Instant startedAt, Instant dueAt, Instant closedAt, long items, long decided, long exceptions,
            long revoked, boolean onTime) {}

    @Override
    @Transactional(readOnly = true)
    public ReviewInput read(ReviewPeriod period) {
        Timestamp from = ts(period.from());
        Timestamp to = ts(period.to());
        List<Campaign> campaigns = jdbc.sql("select c.id, c.started_at, c.due_at, c.closed_at, "
                        + "(select count(*) from ar_item i where i.campaign_id = c.id) items, "
                        + "(select count(decision) from ar_item i where i.campaign_id = c.id) decided, "
                        + "(select count(*) from ar_item i where i.campaign_id = c.id and i.exception) exceptions, "
                        + "(select count(*) from ar_revocation r where r.campaign_id = c.id) revoked, "
                        + "not exists (select 1 from ar_reviewer v where v.campaign_id = c.id and (v.completed_at is null or v.completed_at > c.due_at)) on_time "
                        + "from ar_campaign c where c.status = 'CLOSED' and c.closed_at >= :from and c.closed_at < :to order by c.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Campaign(rs.getLong("id"), Rows.instant(rs, "started_at"), Rows.instant(rs, "due_at"),
                        Rows.instant(rs, "closed_at"), rs.getLong("items"), rs.getLong("decided"), rs.getLong("exceptions"),
                        rs.getLong("revoked"), rs.getBoolean("on_time")))
                .list();
        long onTime = campaigns.stream().filter(Campaign::onTime).count();
        var verified = jdbc.sql("select count(*), coalesce(sum(verified_at > verify_by), 0) from ar_revocation "
                        + "where verified_at >= :from and verified_at < :to")
                .param("from", from).param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long unverified = jdbc.sql("select count(*) from ar_revocation where verify_by < :to and decided_at < :to "
                        + "and (verified_at is null or verified_at >= :to)")
                .param("to", to).query(Long.class).single();

        String closed = "campaigns closed in the period";
        List<ReviewFigure> figures = new ArrayList<>();
        figures.add(count("campaigns.closed", "Campaigns closed", campaigns.size(), closed));
        figures.add(count("campaigns.on-time", "Campaigns reviewed on time", onTime,
                closed + " whose reviewers all completed their reviews by the campaign's due date"));
        figures.add(count("campaigns.late", "Campaigns reviewed late", campaigns.size() - onTime,
                closed + " with a review completed after the due date or never (its items closed as exceptions)"));
        figures.add(count("items", "Items reviewed", campaigns.stream().mapToLong(Campaign::items).sum(), "items of the " + closed));
        figures.add(count("decided", "Items decided", campaigns.stream().mapToLong(Campaign::decided).sum(), "items of the " + closed + " a reviewer decided"));
        figures.add(count("exceptions", "Exceptions", campaigns.stream().mapToLong(Campaign::exceptions).sum(),
                "items of the " + closed + " left undecided when the review window closed"));
        figures.add(count("revoked", "Accounts revoked", campaigns.stream().mapToLong(Campaign::revoked).sum(),
                "entitlements the reviewers of the " + closed + " decided to revoke"));
        figures.add(count("revocations.verified", "Removals verified", verified[0], "revocations whose removal was verified in the period"));
        figures.add(count("revocations.verified-late", "Removals verified late", verified[1],
                "revocations verified in the period after their verify-by date (policy: seeds/accessreview/policy.yaml)"));
        figures.add(count("revocations.unverified-overdue", "Removals unverified past their date", unverified,
                "revocations past their verify-by date and still unverified at the end of the period"));

        ZoneId zone = clock.getZone();
        List<ReviewItem> items = campaigns.stream().map(c -> new ReviewItem("campaign:" + c.id(),
                "campaign " + c.id() + ": started " + c.startedAt().atZone(zone).toLocalDate() + ", due " + c.dueAt().atZone(zone).toLocalDate()
                        + ", closed " + c.closedAt().atZone(zone).toLocalDate() + (c.onTime() ? ", on time" : ", late") + "; " + c.items() + " items, "
                        + c.decided() + " decided, " + c.exceptions() + " exceptions, " + c.revoked() + " revoked", null)).toList();
        return new ReviewInput(KEY, "Access reviews", "9.3 c) 2) monitoring and measurement results: access reviews",
                "Access review (campaigns, decisions, revocations)", clock.instant(), true, List.copyOf(figures), items, List.of());
    }

    private static ReviewFigure count(String key, String label, long value, String basis) {
        return new ReviewFigure(KEY + "." + key, label, (double) value, "count", basis, null);
    }
}
