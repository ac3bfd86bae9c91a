package org.vigil.managementreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.vigil.managementreview.ManagementReviewApi.AmendmentView;
import org.vigil.managementreview.ManagementReviewApi.ReviewView;
import org.vigil.platform.FieldEncryption;

/**
 * SQL over the tables of V030__management_review.sql and V032__management_review_document.sql. Free text is encrypted and decrypted here, the one place that
 * reads or writes those columns.
 */
@Repository
class ManagementReviewStore {

    /** A pack row as stored: the input's JSON as read (capabilities) or the statement decrypted (people). */
    record InputRow(long id, String key, String source, String inputJson, String trendJson, Instant readAt, boolean frozen,
            String statement, String ownerGroup, String enteredBy, Instant enteredAt) {}

    /** A PDF of the signed-off record as stored: the bytes served on every download, with their SHA-256. */
    record StoredDocument(int amendments, byte[] pdf, String sha256, Instant renderedAt) {}

    record DecisionRow(long id, int position, String text, String ownerGroup, String owner, LocalDate dueDate, Long correctiveActionId) {}

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    ManagementReviewStore(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    // --- review

    private final RowMapper<ReviewView> review = (rs, n) -> new ReviewView(rs.getLong("id"), rs.getString("process_instance_id"),
            rs.getString("kind"), instant(rs, "period_from"), instant(rs, "period_to"), rs.getString("period_label"),
            rs.getString("status"), instant(rs, "meeting_due"), rs.getString("chair"), instant(rs, "meeting_at"),
            split(rs.getString("attendees")), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "frozen_at"),
            instant(rs, "signed_off_at"), rs.getString("signed_off_by"), rs.getString("document_sha256"),
            instant(rs, "document_rendered_at"));

    long insertReview(String processInstanceId, String kind, Instant from, Instant to, String label, Instant meetingDue,
            String createdBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO management_review (process_instance_id, kind, period_from, period_to, period_label, status,"
                + " meeting_due, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'PREPARATION', ?, ?, ?)")
                .params(processInstanceId, kind, ts(from), ts(to), label, ts(meetingDue), createdBy, ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ReviewView> review(long id) {
        return jdbc.sql("SELECT * FROM management_review WHERE id = ?").param(id).query(review).optional();
    }

    /** For update: serialises the changes to one review (its sign-off among them). */
    Optional<ReviewView> lockReview(long id) {
        return jdbc.sql("SELECT * FROM management_review WHERE id = ? FOR UPDATE").param(id).query(review).optional();
    }

    Optional<ReviewView> reviewOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT * FROM management_review WHERE process_instance_id = ?").param(processInstanceId).query(review).optional();
    }

    List<ReviewView> reviews() {
        return jdbc.sql("SELECT * FROM management_review ORDER BY id DESC").query(review).list();
    }

    /** The review of the kind of the latest period before {@code periodFrom}, held or not (the first one opened, if several). */
    Optional<ReviewView> previousOf(String kind, Instant periodFrom) {
        return jdbc.sql("SELECT * FROM management_review WHERE kind = ? AND period_from < ? ORDER BY period_from DESC, id LIMIT 1")
                .params(kind, ts(periodFrom)).query(review).optional();
    }

    Optional<ReviewView> reviewOfPeriodForUpdate(String kind, String periodLabel) {
        return jdbc.sql("SELECT * FROM management_review WHERE kind = ? AND period_label = ? ORDER BY id LIMIT 1 FOR UPDATE")
                .params(kind, periodLabel).query(review).optional();
    }

    Optional<ReviewView> reviewOfPeriod(String kind, String periodLabel) {
        return jdbc.sql("SELECT * FROM management_review WHERE kind = ? AND period_label = ? ORDER BY id LIMIT 1").params(kind, periodLabel)
                .query(review).optional();
    }

    String minutes(long id) {
        return jdbc.sql("SELECT minutes FROM management_review WHERE id = ?").param(id).query(String.class).optional()
                .map(encryption::decrypt).orElse(null);
    }

    void saveMeeting(long id, String chair, Instant meetingAt, List<String> attendees, String minutes) {
        jdbc.sql("UPDATE management_review SET chair = ?, meeting_at = ?, attendees = ?, minutes = ? WHERE id = ?")
                .params(chair, ts(meetingAt), String.join(",", attendees), encryption.encrypt(minutes), id).update();
    }

    void markFrozen(long id, Instant at) {
        jdbc.sql("UPDATE management_review SET frozen_at = ?, status = 'SIGN_OFF' WHERE id = ? AND frozen_at IS NULL").params(ts(at), id).update();
    }

    void markSignedOff(long id, String by, Instant at) {
        jdbc.sql("UPDATE management_review SET signed_off_at = ?, signed_off_by = ?, status = 'SIGNED_OFF' WHERE id = ?")
                .params(ts(at), by, id).update();
    }

    void markDocument(long id, String sha256, Instant at) {
        jdbc.sql("UPDATE management_review SET document_sha256 = ?, document_rendered_at = ? WHERE id = ?").params(sha256, ts(at), id).update();
    }

    // --- pack inputs

    private RowMapper<InputRow> input() {
        return (rs, n) -> new InputRow(rs.getLong("id"), rs.getString("input_key"), rs.getString("source"), rs.getString("input_json"),
                rs.getString("trend_json"), instant(rs, "read_at"), rs.getBoolean("frozen"),
                rs.getString("statement") == null ? null : encryption.decrypt(rs.getString("statement")), rs.getString("owner_group"),
                rs.getString("entered_by"), instant(rs, "entered_at"));
    }

    List<InputRow> inputs(long reviewId) {
        return jdbc.sql("SELECT * FROM management_review_input WHERE review_id = ? ORDER BY id").param(reviewId).query(input()).list();
    }

    /** A capability's input, read again: inserted or replaced, unless frozen. */
    void putInput(long reviewId, String key, String json, String trendJson, Instant readAt, boolean freeze) {
        int updated = jdbc.sql("UPDATE management_review_input SET input_json = ?, trend_json = ?, read_at = ?, frozen = ?"
                + " WHERE review_id = ? AND input_key = ? AND frozen = FALSE").params(json, trendJson, ts(readAt), freeze, reviewId, key).update();
        if (updated == 0 && jdbc.sql("SELECT COUNT(*) FROM management_review_input WHERE review_id = ? AND input_key = ?")
                .params(reviewId, key).query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO management_review_input (review_id, input_key, source, input_json, trend_json, read_at, frozen)"
                    + " VALUES (?, ?, 'capability', ?, ?, ?, ?)").params(reviewId, key, json, trendJson, ts(readAt), freeze).update();
        }
    }

    void addPeopleInput(long reviewId, String key, String ownerGroup) {
        if (jdbc.sql("SELECT COUNT(*) FROM management_review_input WHERE review_id = ? AND input_key = ?").params(reviewId, key)
                .query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO management_review_input (review_id, input_key, source, owner_group) VALUES (?, ?, 'people', ?)")
                    .params(reviewId, key, ownerGroup).update();
        }
    }

    void saveStatement(long reviewId, String key, String statement, String by, Instant at) {
        jdbc.sql("UPDATE management_review_input SET statement = ?, entered_by = ?, entered_at = ? WHERE review_id = ? AND input_key = ?")
                .params(encryption.encrypt(statement), by, ts(at), reviewId, key).update();
    }

    void freezePeopleInputs(long reviewId) {
        jdbc.sql("UPDATE management_review_input SET frozen = TRUE WHERE review_id = ? AND source = 'people'").param(reviewId).update();
    }

    // --- decisions

    List<DecisionRow> decisions(long reviewId) {
        return jdbc.sql("SELECT * FROM management_review_decision WHERE review_id = ? ORDER BY position").param(reviewId)
                .query((rs, n) -> new DecisionRow(rs.getLong("id"), rs.getInt("position"), encryption.decrypt(rs.getString("text")),
                        rs.getString("owner_group"), rs.getString("owner"), date(rs, "due_date"),
                        rs.getObject("corrective_action_id") == null ? null : rs.getLong("corrective_action_id"))).list();
    }

    void replaceDecisions(long reviewId, List<ManagementReviewApi.DecisionInput> decisions) {
        jdbc.sql("DELETE FROM management_review_decision WHERE review_id = ?").param(reviewId).update();
        int position = 1;
        for (var d : decisions) {
            jdbc.sql("INSERT INTO management_review_decision (review_id, position, text, owner_group, owner, due_date) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(reviewId, position++, encryption.encrypt(d.text()), d.ownerGroup(), d.owner(), java.sql.Date.valueOf(d.dueDate())).update();
        }
    }

    void setDecisionAction(long decisionId, long actionId) {
        jdbc.sql("UPDATE management_review_decision SET corrective_action_id = ? WHERE id = ?").params(actionId, decisionId).update();
    }

    // --- amendments

    long addAmendment(long reviewId, String text, String why, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO management_review_amendment (review_id, text, why, amended_by, amended_at) VALUES (?, ?, ?, ?, ?)")
                .params(reviewId, encryption.encrypt(text), encryption.encrypt(why), by, ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<AmendmentView> amendments(long reviewId) {
        return jdbc.sql("SELECT * FROM management_review_amendment WHERE review_id = ? ORDER BY id").param(reviewId)
                .query((rs, n) -> new AmendmentView(rs.getLong("id"), encryption.decrypt(rs.getString("text")),
                        encryption.decrypt(rs.getString("why")), rs.getString("amended_by"), instant(rs, "amended_at"))).list();
    }

    int amendmentCount(long reviewId) {
        return jdbc.sql("SELECT COUNT(*) FROM management_review_amendment WHERE review_id = ?").param(reviewId).query(Integer.class).single();
    }

    // --- the signed-off document

    /** The latest PDF stored for the review: the one showing the most amendments. */
    Optional<StoredDocument> latestDocument(long reviewId) {
        return jdbc.sql("SELECT * FROM management_review_document WHERE review_id = ? ORDER BY amendments DESC LIMIT 1").param(reviewId)
                .query((rs, n) -> new StoredDocument(rs.getInt("amendments"), encryption.decryptBytes(rs.getString("pdf")),
                        rs.getString("pdf_sha256"), instant(rs, "rendered_at"))).optional();
    }

    void insertDocument(long reviewId, int amendments, byte[] pdf, String sha256, Instant at) {
        jdbc.sql("INSERT INTO management_review_document (review_id, amendments, pdf, pdf_sha256, rendered_at) VALUES (?, ?, ?, ?, ?)")
                .params(reviewId, amendments, encryption.encrypt(pdf), sha256, ts(at)).update();
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
