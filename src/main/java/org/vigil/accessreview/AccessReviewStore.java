package org.vigil.accessreview;

import static org.vigil.accessreview.Rows.date;
import static org.vigil.accessreview.Rows.instant;
import static org.vigil.accessreview.Rows.nullableLong;
import static org.vigil.accessreview.Rows.sqlDate;
import static org.vigil.accessreview.Rows.ts;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.Rows.CampaignSnapshotRow;
import org.vigil.accessreview.Rows.EntitlementRow;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.Rows.ReviewerRow;
import org.vigil.accessreview.Rows.RevocationRow;
import org.vigil.accessreview.Rows.RosterEntry;
import org.vigil.accessreview.Rows.SignOffRow;
import org.vigil.accessreview.Rows.SnapshotRow;
import org.vigil.accessreview.Rows.SystemRow;

/**
 * SQL over the ar_* tables. Plain JDBC rather than JPA: a campaign writes and reads thousands of items at once,
 * in batches, and every row is either immutable evidence or changed by one targeted update.
 *
 * <p>Stays whole although over 300 lines: it is the one file that spells the ar_* SQL, one section per table in
 * the order of V006__access_review.sql, so a schema change is checked against every query in one place.
 */
@Repository
class AccessReviewStore {

    private static final int BATCH = 500;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AccessReviewStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // --- systems

    private static final RowMapper<SystemRow> SYSTEM = (rs, n) -> new SystemRow(rs.getString("id"), rs.getString("name"),
            rs.getString("owner_id"), rs.getString("deputy_id"), rs.getString("classification"),
            instant(rs, "updated_at"), rs.getString("updated_by"));

    List<SystemRow> systems() {
        return jdbc.sql("SELECT * FROM ar_system ORDER BY id").query(SYSTEM).list();
    }

    Optional<SystemRow> system(String id) {
        return jdbc.sql("SELECT * FROM ar_system WHERE id = ?").param(id).query(SYSTEM).optional();
    }

    boolean insertSystemIfMissing(SystemRow s) {
        return jdbc.sql("INSERT IGNORE INTO ar_system (id, name, owner_id, deputy_id, classification, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.name(), s.ownerId(), s.deputyId(), s.classification(), ts(s.updatedAt()), s.updatedBy())
                .update() == 1;
    }

    void saveSystem(SystemRow s) {
        jdbc.sql("INSERT INTO ar_system (id, name, owner_id, deputy_id, classification, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUE(name), owner_id = VALUE(owner_id), "
                        + "deputy_id = VALUE(deputy_id), classification = VALUE(classification), "
                        + "updated_at = VALUE(updated_at), updated_by = VALUE(updated_by)")
                .params(s.id(), s.name(), s.ownerId(), s.deputyId(), s.classification(), ts(s.updatedAt()), s.updatedBy())
                .update();
    }

    // --- snapshots

    private static final RowMapper<SnapshotRow> SNAPSHOT = (rs, n) -> new SnapshotRow(rs.getLong("id"), rs.getString("kind"),
            rs.getString("system_id"), rs.getString("source"), rs.getString("imported_by"), instant(rs, "imported_at"),
            rs.getString("checksum"), rs.getInt("row_count"));

    long insertSnapshot(String kind, String systemId, String source, String importedBy, Instant at, String checksum, int rows) {
        var keys = new GeneratedKeyHolder();
        template.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO ar_snapshot (kind, system_id, source, imported_by, imported_at, checksum, row_count) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, kind);
            statement.setString(2, systemId);
            statement.setString(3, source);
            statement.setString(4, importedBy);
            statement.setTimestamp(5, ts(at));
            statement.setString(6, checksum);
            statement.setInt(7, rows);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    Optional<SnapshotRow> latestSnapshot(String kind, String systemId) {
        return systemId == null
                ? jdbc.sql("SELECT * FROM ar_snapshot WHERE kind = ? AND system_id IS NULL ORDER BY id DESC LIMIT 1")
                        .param(kind).query(SNAPSHOT).optional()
                : jdbc.sql("SELECT * FROM ar_snapshot WHERE kind = ? AND system_id = ? ORDER BY id DESC LIMIT 1")
                        .params(kind, systemId).query(SNAPSHOT).optional();
    }

    boolean anySnapshot(String kind, String systemId) {
        return latestSnapshot(kind, systemId).isPresent();
    }

    void insertEntitlements(long snapshotId, List<SnapshotParser.EntitlementRow> rows) {
        template.batchUpdate("INSERT INTO ar_entitlement (snapshot_id, system_id, account, person_id, manager_id, entitlement, "
                + "privileged, last_login) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows, BATCH, (ps, r) -> {
                    ps.setLong(1, snapshotId);
                    ps.setString(2, r.system());
                    ps.setString(3, r.account());
                    ps.setString(4, r.person());
                    ps.setString(5, r.manager());
                    ps.setString(6, r.entitlement());
                    ps.setBoolean(7, r.privileged());
                    ps.setDate(8, sqlDate(r.lastLogin()));
                });
    }

    void insertRoster(long snapshotId, List<SnapshotParser.RosterRow> rows) {
        template.batchUpdate("INSERT INTO ar_roster_entry (snapshot_id, person_id, manager_id, status, terminated_on) "
                + "VALUES (?, ?, ?, ?, ?)", rows, BATCH, (ps, r) -> {
                    ps.setLong(1, snapshotId);
                    ps.setString(2, r.person());
                    ps.setString(3, r.manager());
                    ps.setString(4, r.status());
                    ps.setDate(5, sqlDate(r.terminatedOn()));
                });
    }

    List<EntitlementRow> entitlements(long snapshotId) {
        return jdbc.sql("SELECT * FROM ar_entitlement WHERE snapshot_id = ? ORDER BY id").param(snapshotId)
                .query((rs, n) -> new EntitlementRow(rs.getLong("id"), rs.getString("system_id"), rs.getString("account"),
                        rs.getString("person_id"), rs.getString("manager_id"), rs.getString("entitlement"),
                        rs.getBoolean("privileged"), date(rs, "last_login")))
                .list();
    }

    List<RosterEntry> roster(long snapshotId) {
        return jdbc.sql("SELECT * FROM ar_roster_entry WHERE snapshot_id = ?").param(snapshotId)
                .query((rs, n) -> new RosterEntry(rs.getString("person_id"), rs.getString("manager_id"),
                        rs.getString("status"), date(rs, "terminated_on")))
                .list();
    }

    // --- campaigns

    private static final RowMapper<CampaignRow> CAMPAIGN = (rs, n) -> new CampaignRow(rs.getLong("id"),
            rs.getString("process_instance_id"), rs.getString("status"), rs.getBoolean("changes_only"),
            rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "remind_at"),
            instant(rs, "closes_at"), nullableLong(rs, "roster_snapshot_id"), rs.getInt("item_count"),
            instant(rs, "closed_at"), rs.getString("report_sha256"));

    private static final String CAMPAIGN_COLUMNS = "id, process_instance_id, status, changes_only, started_by, started_at, "
            + "due_at, remind_at, closes_at, roster_snapshot_id, item_count, closed_at, report_sha256";

    Optional<CampaignRow> campaign(long id) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM ar_campaign WHERE id = ?").param(id).query(CAMPAIGN).optional();
    }

    Optional<CampaignRow> campaignOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM ar_campaign WHERE process_instance_id = ?")
                .param(processInstanceId).query(CAMPAIGN).optional();
    }

    List<CampaignRow> campaigns() {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM ar_campaign ORDER BY id DESC").query(CAMPAIGN).list();
    }

    /** Locks the campaign row: decisions, delegation and closing of one campaign run one after the other. */
    Optional<CampaignRow> lockCampaign(long id) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM ar_campaign WHERE id = ? FOR UPDATE").param(id)
                .query(CAMPAIGN).optional();
    }

    long insertCampaign(String processInstanceId, boolean changesOnly, String startedBy, Instant startedAt, Instant dueAt,
            Instant remindAt, Instant closesAt, Long rosterSnapshotId) {
        var keys = new GeneratedKeyHolder();
        template.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO ar_campaign (process_instance_id, status, changes_only, started_by, started_at, due_at, "
                            + "remind_at, closes_at, roster_snapshot_id, item_count) VALUES (?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, processInstanceId);
            statement.setBoolean(2, changesOnly);
            statement.setString(3, startedBy);
            statement.setTimestamp(4, ts(startedAt));
            statement.setTimestamp(5, ts(dueAt));
            statement.setTimestamp(6, ts(remindAt));
            statement.setTimestamp(7, ts(closesAt));
            statement.setObject(8, rosterSnapshotId);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    void setStatus(long campaignId, String status) {
        jdbc.sql("UPDATE ar_campaign SET status = ? WHERE id = ?").params(status, campaignId).update();
    }

    void setItemCount(long campaignId, int count) {
        jdbc.sql("UPDATE ar_campaign SET item_count = ? WHERE id = ?").params(count, campaignId).update();
    }

    void closeCampaign(long campaignId, Instant at, String html, String sha256) {
        jdbc.sql("UPDATE ar_campaign SET status = 'CLOSED', closed_at = ?, report_html = ?, report_sha256 = ? WHERE id = ?")
                .params(ts(at), html, sha256, campaignId).update();
    }

    Optional<String> report(long campaignId) {
        return jdbc.sql("SELECT report_html FROM ar_campaign WHERE id = ? AND status = 'CLOSED'").param(campaignId)
                .query(String.class).optional();
    }

    void insertCampaignSnapshot(long campaignId, SnapshotRow snapshot) {
        jdbc.sql("INSERT INTO ar_campaign_snapshot (campaign_id, snapshot_id, system_id, kind, checksum, row_count) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(campaignId, snapshot.id(), snapshot.systemId(), snapshot.kind(), snapshot.checksum(), snapshot.rowCount())
                .update();
    }

    List<CampaignSnapshotRow> campaignSnapshots(long campaignId) {
        return jdbc.sql("SELECT * FROM ar_campaign_snapshot WHERE campaign_id = ? ORDER BY kind, system_id").param(campaignId)
                .query((rs, n) -> new CampaignSnapshotRow(rs.getLong("snapshot_id"), rs.getString("system_id"),
                        rs.getString("kind"), rs.getString("checksum"), rs.getInt("row_count")))
                .list();
    }

    /** The latest campaign before {@code campaignId} whose scope held {@code systemId}. */
    Optional<Long> previousCampaignFor(String systemId, long campaignId) {
        return jdbc.sql("SELECT MAX(campaign_id) FROM ar_campaign_snapshot WHERE system_id = ? AND campaign_id < ?")
                .params(systemId, campaignId).query(Long.class).optional();
    }

    /** Keys {@code account \0 entitlement} of the entitlements a campaign reviewed on a system. */
    List<String> reviewedKeys(long campaignId, String systemId) {
        return jdbc.sql("SELECT DISTINCT CONCAT(account, CHAR(0), entitlement) FROM ar_item WHERE campaign_id = ? AND system_id = ?")
                .params(campaignId, systemId).query(String.class).list();
    }

    // --- reviewers and items

    void insertReviewers(long campaignId, Collection<String> reviewers) {
        template.batchUpdate("INSERT INTO ar_reviewer (campaign_id, reviewer_id) VALUES (?, ?)", reviewers, BATCH,
                (ps, reviewer) -> {
                    ps.setLong(1, campaignId);
                    ps.setString(2, reviewer);
                });
    }

    List<ReviewerRow> reviewers(long campaignId) {
        return jdbc.sql("SELECT * FROM ar_reviewer WHERE campaign_id = ? ORDER BY reviewer_id").param(campaignId)
                .query((rs, n) -> new ReviewerRow(rs.getString("reviewer_id"), rs.getString("delegated_from"),
                        instant(rs, "completed_at"), instant(rs, "reminded_at"), instant(rs, "escalated_at")))
                .list();
    }

    Optional<ReviewerRow> reviewer(long campaignId, String reviewerId) {
        return reviewers(campaignId).stream().filter(r -> r.reviewerId().equals(reviewerId)).findFirst();
    }

    void delegateReviewer(long campaignId, String from, String to) {
        jdbc.sql("UPDATE ar_reviewer SET reviewer_id = ?, delegated_from = ? WHERE campaign_id = ? AND reviewer_id = ?")
                .params(to, from, campaignId, from).update();
        jdbc.sql("UPDATE ar_item SET reviewer_id = ? WHERE campaign_id = ? AND reviewer_id = ?")
                .params(to, campaignId, from).update();
    }

    void markReviewer(long campaignId, String reviewerId, String column, Instant at) {
        if (!List.of("completed_at", "reminded_at", "escalated_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE ar_reviewer SET " + column + " = ? WHERE campaign_id = ? AND reviewer_id = ? AND " + column + " IS NULL")
                .params(ts(at), campaignId, reviewerId).update();
    }

    record NewItem(long entitlementId, String systemId, String account, String personId, String entitlement,
            boolean privileged, java.time.LocalDate lastLogin, String flags, String reviewRole, String reviewerId) {}

    void insertItems(long campaignId, List<NewItem> items) {
        template.batchUpdate("INSERT INTO ar_item (campaign_id, entitlement_id, system_id, account, person_id, entitlement, "
                + "privileged, last_login, flags, review_role, reviewer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items, BATCH, (ps, i) -> {
                    ps.setLong(1, campaignId);
                    ps.setLong(2, i.entitlementId());
                    ps.setString(3, i.systemId());
                    ps.setString(4, i.account());
                    ps.setString(5, i.personId());
                    ps.setString(6, i.entitlement());
                    ps.setBoolean(7, i.privileged());
                    ps.setDate(8, sqlDate(i.lastLogin()));
                    ps.setString(9, i.flags());
                    ps.setString(10, i.reviewRole());
                    ps.setString(11, i.reviewerId());
                });
    }

    private static final RowMapper<ItemRow> ITEM = (rs, n) -> new ItemRow(rs.getLong("id"), rs.getLong("campaign_id"),
            rs.getLong("entitlement_id"), rs.getString("system_id"), rs.getString("account"), rs.getString("person_id"),
            rs.getString("entitlement"), rs.getBoolean("privileged"), date(rs, "last_login"), rs.getString("flags"),
            rs.getString("review_role"), rs.getString("reviewer_id"), rs.getString("decision"), rs.getString("reason"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getBoolean("exception"));

    List<ItemRow> items(long campaignId) {
        return jdbc.sql("SELECT * FROM ar_item WHERE campaign_id = ? ORDER BY system_id, account, entitlement, review_role")
                .param(campaignId).query(ITEM).list();
    }

    List<ItemRow> itemsOf(long campaignId, String reviewerId) {
        return jdbc.sql("SELECT * FROM ar_item WHERE campaign_id = ? AND reviewer_id = ? ORDER BY system_id, account, entitlement")
                .params(campaignId, reviewerId).query(ITEM).list();
    }

    Optional<ItemRow> item(long itemId) {
        return jdbc.sql("SELECT * FROM ar_item WHERE id = ?").param(itemId).query(ITEM).optional();
    }

    void decide(long itemId, String decision, String reason, String by, Instant at) {
        jdbc.sql("UPDATE ar_item SET decision = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(decision, reason, by, ts(at), itemId).update();
    }

    int markUndecidedAsExceptions(long campaignId) {
        return jdbc.sql("UPDATE ar_item SET exception = TRUE WHERE campaign_id = ? AND decision IS NULL")
                .param(campaignId).update();
    }

    record Counts(long items, long decided, long exceptions) {}

    Counts counts(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) AS items, COUNT(decision) AS decided, COALESCE(SUM(exception), 0) AS exceptions "
                        + "FROM ar_item WHERE campaign_id = ?")
                .param(campaignId).query((rs, n) -> new Counts(rs.getLong("items"), rs.getLong("decided"), rs.getLong("exceptions")))
                .single();
    }

    List<String> systemsOf(long campaignId) {
        return jdbc.sql("SELECT system_id FROM ar_campaign_snapshot WHERE campaign_id = ? AND kind = 'ENTITLEMENTS' ORDER BY system_id")
                .param(campaignId).query(String.class).list();
    }

    // --- sign-off

    void signOff(long campaignId, String systemId, String by, Instant at, String comment) {
        jdbc.sql("INSERT IGNORE INTO ar_sign_off (campaign_id, system_id, signed_by, signed_at, comment) VALUES (?, ?, ?, ?, ?)")
                .params(campaignId, systemId, by, ts(at), comment).update();
    }

    List<SignOffRow> signOffs(long campaignId) {
        return jdbc.sql("SELECT * FROM ar_sign_off WHERE campaign_id = ? ORDER BY system_id").param(campaignId)
                .query((rs, n) -> new SignOffRow(rs.getString("system_id"), rs.getString("signed_by"),
                        instant(rs, "signed_at"), rs.getString("comment")))
                .list();
    }

    // --- revocations

    private static final RowMapper<RevocationRow> REVOCATION = (rs, n) -> new RevocationRow(rs.getLong("id"),
            rs.getLong("campaign_id"), rs.getLong("entitlement_id"), rs.getString("system_id"), rs.getString("account"),
            rs.getString("entitlement"), rs.getBoolean("privileged"), rs.getString("decided_by"), instant(rs, "decided_at"),
            instant(rs, "due_at"), instant(rs, "verify_by"), rs.getString("deprovisioned_by"),
            instant(rs, "deprovisioned_at"), rs.getString("verification"), rs.getString("verified_by"),
            instant(rs, "verified_at"), instant(rs, "escalated_at"));

    void insertRevocationIfMissing(ItemRow item, String by, Instant at, Instant dueAt, Instant verifyBy) {
        jdbc.sql("INSERT IGNORE INTO ar_revocation (campaign_id, entitlement_id, system_id, account, entitlement, privileged, "
                        + "decided_by, decided_at, due_at, verify_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(item.campaignId(), item.entitlementId(), item.systemId(), item.account(), item.entitlement(),
                        item.privileged(), by, ts(at), ts(dueAt), ts(verifyBy))
                .update();
    }

    Optional<RevocationRow> revocation(long id) {
        return jdbc.sql("SELECT * FROM ar_revocation WHERE id = ?").param(id).query(REVOCATION).optional();
    }

    List<RevocationRow> revocations(long campaignId) {
        return jdbc.sql("SELECT * FROM ar_revocation WHERE campaign_id = ? ORDER BY id").param(campaignId).query(REVOCATION).list();
    }

    List<Long> revocationIdsOf(long campaignId, String reviewerId) {
        return jdbc.sql("SELECT r.id FROM ar_revocation r WHERE r.campaign_id = ? AND EXISTS (SELECT 1 FROM ar_item i "
                        + "WHERE i.campaign_id = r.campaign_id AND i.entitlement_id = r.entitlement_id AND i.reviewer_id = ?) ORDER BY r.id")
                .params(campaignId, reviewerId).query(Long.class).list();
    }

    /** Revocations of a system carried out but not yet verified. */
    List<RevocationRow> awaitingVerification(String systemId) {
        return jdbc.sql("SELECT * FROM ar_revocation WHERE system_id = ? AND deprovisioned_at IS NOT NULL AND verified_at IS NULL")
                .param(systemId).query(REVOCATION).list();
    }

    void deprovisioned(long id, String by, Instant at) {
        jdbc.sql("UPDATE ar_revocation SET deprovisioned_by = ?, deprovisioned_at = ? WHERE id = ? AND deprovisioned_at IS NULL")
                .params(by, ts(at), id).update();
    }

    boolean verified(long id, String how, String by, Instant at) {
        return jdbc.sql("UPDATE ar_revocation SET verification = ?, verified_by = ?, verified_at = ? WHERE id = ? AND verified_at IS NULL")
                .params(how, by, ts(at), id).update() == 1;
    }

    /**
     * Claims the start of a revocation's de-provisioning process: true once, for the first caller; the row lock makes
     * a concurrent caller wait and then find it claimed. Never for a verified revocation.
     */
    boolean claimProcessStart(long id, Instant at) {
        return jdbc.sql("UPDATE ar_revocation SET process_started_at = ? WHERE id = ? AND process_started_at IS NULL "
                + "AND verified_at IS NULL").params(ts(at), id).update() == 1;
    }

    /** The revoked items of a campaign (decision REVOKE), for IT operations, who remove them. */
    List<ItemRow> revokedItems(long campaignId) {
        return items(campaignId).stream().filter(item -> "REVOKE".equals(item.decision())).toList();
    }

    void revocationEscalated(long id, Instant at) {
        jdbc.sql("UPDATE ar_revocation SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL").params(ts(at), id).update();
    }
}
