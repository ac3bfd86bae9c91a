package org.vigil.correctiveaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.vigil.platform.FieldEncryption;

/**
 * The {@code corrective_action} table. Free text goes in and comes out through {@link FieldEncryption}: the table
 * holds it encrypted, callers see it plain. Nothing here deletes a row.
 */
@Repository
class ActionStore {

    /** One action as stored, its texts decrypted. */
    record ActionRow(long id, String sourceType, String sourceReference, String severity, String ownerGroup, String ownerUser,
            String status, String description, String correction, Boolean correctionMade, String rootCause, String rootCauseMethod,
            Boolean similarElsewhere, String similarWhere, String plan, String dueReason, String evidence, String effectivenessNotes,
            String raisedBy, Instant raisedAt, Instant dueAt, Instant plannedAt, String implementedBy, Instant implementedAt,
            String checkedBy, Instant checkedAt, Instant closedAt, Long repeatOf, int reopenCount, boolean exercise,
            String processInstanceId) {

        ActionSummary summary() {
            return new ActionSummary(id, new ActionSource(sourceType, sourceReference), severity, ownerGroup, ownerUser, status,
                    raisedAt, dueAt, closedAt, repeatOf, reopenCount, exercise);
        }
    }

    private static final String COLUMNS = "id, source_type, source_reference, severity, owner_group, owner_user, status, description,"
            + " correction, correction_made, root_cause, root_cause_method, similar_elsewhere, similar_where, plan, due_reason, evidence,"
            + " effectiveness_notes, raised_by, raised_at, due_at, planned_at, implemented_by, implemented_at, checked_by, checked_at,"
            + " closed_at, repeat_of, reopen_count, exercise, process_instance_id";

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;
    private final RowMapper<ActionRow> rows;

    ActionStore(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.rows = this::map;
    }

    long insert(String sourceType, String sourceReference, String severity, String ownerGroup, String description, String raisedBy,
            Instant raisedAt, Instant dueAt, Long repeatOf, boolean exercise, String ownerUser, LocalDate retainUntil) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO corrective_action (source_type, source_reference, severity, owner_group, owner_user, status, description,"
                        + " raised_by, raised_at, due_at, repeat_of, exercise, retain_until) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)")
                .params(sourceType, sourceReference, severity, ownerGroup, ownerUser, encryption.encrypt(description), raisedBy, ts(raisedAt),
                        ts(dueAt), repeatOf, exercise, java.sql.Date.valueOf(retainUntil))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ActionRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrective_action WHERE id = ?").param(id).query(rows).optional();
    }

    /** Locks the row: the steps of one action are recorded one after the other. */
    Optional<ActionRow> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrective_action WHERE id = ? FOR UPDATE").param(id).query(rows).optional();
    }

    Optional<Long> idOfSource(String sourceType, String sourceReference) {
        return jdbc.sql("SELECT id FROM corrective_action WHERE source_type = ? AND source_reference = ?")
                .params(sourceType, sourceReference).query(Long.class).optional();
    }

    List<ActionRow> bySource(String sourceType, String referencePrefix) {
        String prefix = referencePrefix == null ? "" : referencePrefix;
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        if (sourceType == null || sourceType.isBlank()) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM corrective_action WHERE source_reference LIKE ? ORDER BY id")
                    .param(like).query(rows).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM corrective_action WHERE source_type = ? AND source_reference LIKE ? ORDER BY id")
                .params(sourceType, like).query(rows).list();
    }

    void started(long id, String processInstanceId) {
        jdbc.sql("UPDATE corrective_action SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void corrected(long id, boolean made, String correction) {
        jdbc.sql("UPDATE corrective_action SET correction_made = ?, correction = ? WHERE id = ?")
                .params(made, encryption.encrypt(correction), id).update();
    }

    void analysed(long id, String rootCause, String method, boolean similarElsewhere, String similarWhere) {
        jdbc.sql("UPDATE corrective_action SET root_cause = ?, root_cause_method = ?, similar_elsewhere = ?, similar_where = ? WHERE id = ?")
                .params(encryption.encrypt(rootCause), method, similarElsewhere, encryption.encrypt(similarWhere), id).update();
    }

    void planned(long id, String plan, String ownerUser, Instant dueAt, String dueReason, Instant at) {
        jdbc.sql("UPDATE corrective_action SET plan = ?, owner_user = ?, due_at = ?, due_reason = ?, planned_at = ?, status = 'PLANNED'"
                        + " WHERE id = ?")
                .params(encryption.encrypt(plan), ownerUser, ts(dueAt), encryption.encrypt(dueReason), ts(at), id).update();
    }

    void implemented(long id, String evidence, String by, Instant at) {
        jdbc.sql("UPDATE corrective_action SET evidence = ?, implemented_by = ?, implemented_at = ?, status = 'IMPLEMENTED' WHERE id = ?")
                .params(encryption.encrypt(evidence), by, ts(at), id).update();
    }

    void setStatus(long id, String status) {
        jdbc.sql("UPDATE corrective_action SET status = ? WHERE id = ?").params(status, id).update();
    }

    void checked(long id, String notes, String by, Instant at) {
        jdbc.sql("UPDATE corrective_action SET effectiveness_notes = ?, checked_by = ?, checked_at = ? WHERE id = ?")
                .params(encryption.encrypt(notes), by, ts(at), id).update();
    }

    void closed(long id, Instant at, LocalDate retainUntil) {
        jdbc.sql("UPDATE corrective_action SET status = 'CLOSED', closed_at = ?, retain_until = ? WHERE id = ?")
                .params(ts(at), java.sql.Date.valueOf(retainUntil), id).update();
    }

    void reopened(long id, Instant dueAt) {
        jdbc.sql("UPDATE corrective_action SET status = 'REOPENED', reopen_count = reopen_count + 1, due_at = ? WHERE id = ?")
                .params(ts(dueAt), id).update();
    }

    private ActionRow map(ResultSet rs, int row) throws SQLException {
        return new ActionRow(rs.getLong("id"), rs.getString("source_type"), rs.getString("source_reference"), rs.getString("severity"),
                rs.getString("owner_group"), rs.getString("owner_user"), rs.getString("status"), text(rs, "description"),
                text(rs, "correction"), bool(rs, "correction_made"), text(rs, "root_cause"), rs.getString("root_cause_method"),
                bool(rs, "similar_elsewhere"), text(rs, "similar_where"), text(rs, "plan"), text(rs, "due_reason"), text(rs, "evidence"),
                text(rs, "effectiveness_notes"), rs.getString("raised_by"), instant(rs, "raised_at"), instant(rs, "due_at"),
                instant(rs, "planned_at"), rs.getString("implemented_by"), instant(rs, "implemented_at"), rs.getString("checked_by"),
                instant(rs, "checked_at"), instant(rs, "closed_at"), (Long) rs.getObject("repeat_of", Long.class),
                rs.getInt("reopen_count"), rs.getBoolean("exercise"), rs.getString("process_instance_id"));
    }

    private String text(ResultSet rs, String column) throws SQLException {
        return encryption.decrypt(rs.getString(column));
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
