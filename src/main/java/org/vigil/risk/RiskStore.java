package org.vigil.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.vigil.platform.FieldEncryption;
import org.vigil.risk.RiskApi.AssetView;
import org.vigil.risk.RiskApi.AssessmentView;
import org.vigil.risk.RiskApi.TreatmentAction;

/**
 * SQL over the tables of V031__risk.sql. Free text (a risk's description, an acceptance note, a treatment action) is
 * encrypted and decrypted here, the one place that reads or writes those columns.
 */
@Repository
class RiskStore {

    /** A risk row as stored, the description and note decrypted. */
    record RiskRow(long id, String assetId, String threatId, String ownerId, String description, Integer inherentLikelihood,
            Integer inherentImpact, Integer inherentRating, Integer confidentiality, Integer integrity, Integer availability,
            Integer patientSafety, Integer residualLikelihood, Integer residualImpact, Integer residualRating, String treatment,
            String status, String acceptedBy, Instant acceptedAt, String acceptanceNote, Long lastAssessmentId,
            Instant identifiedAt, Instant assessedAt) {}

    /** A rating as analysed: inherent likelihood and impacts per dimension, residual likelihood and impact. */
    record Rating(int likelihood, int confidentiality, int integrity, int availability, int patientSafety, int residualLikelihood,
            int residualImpact) {}

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    RiskStore(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    // --- assets

    private static final RowMapper<AssetView> ASSET = (rs, n) -> new AssetView(rs.getString("id"), rs.getString("name"),
            rs.getString("classification"), rs.getBoolean("phi"), rs.getString("priority"), rs.getString("owner_id"),
            rs.getString("source"), instant(rs, "added_at"), rs.getString("added_by"), instant(rs, "retired_at"),
            instant(rs, "last_assessed_at"));

    List<AssetView> assets() {
        return jdbc.sql("SELECT * FROM risk_asset ORDER BY id").query(ASSET).list();
    }

    Optional<AssetView> asset(String id) {
        return jdbc.sql("SELECT * FROM risk_asset WHERE id = ?").param(id).query(ASSET).optional();
    }

    void insertAsset(AssetView a) {
        jdbc.sql("INSERT INTO risk_asset (id, name, classification, phi, priority, owner_id, source, added_at, added_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.name(), a.classification(), a.phi(), a.priority(), a.ownerId(), a.source(), ts(a.addedAt()), a.addedBy())
                .update();
    }

    void updateAsset(String id, String name, String classification, boolean phi, String priority, String ownerId) {
        jdbc.sql("UPDATE risk_asset SET name = ?, classification = ?, phi = ?, priority = ?, owner_id = ? WHERE id = ?")
                .params(name, classification, phi, priority, ownerId, id).update();
    }

    void markAssessed(long assessmentId, Instant at) {
        jdbc.sql("UPDATE risk_asset SET last_assessed_at = ? WHERE id IN (SELECT asset_id FROM risk_assessment_asset WHERE assessment_id = ?)")
                .params(ts(at), assessmentId).update();
    }

    // --- assessments

    private static final String ASSESSMENT_COLUMNS = "a.*, (SELECT GROUP_CONCAT(asset_id ORDER BY asset_id SEPARATOR ',')"
            + " FROM risk_assessment_asset x WHERE x.assessment_id = a.id) AS asset_ids";

    private static final RowMapper<AssessmentView> ASSESSMENT = (rs, n) -> new AssessmentView(rs.getLong("id"),
            rs.getString("process_instance_id"), rs.getString("kind"), rs.getString("trigger_type"), rs.getString("trigger_reference"),
            rs.getString("status"), rs.getString("started_by"), instant(rs, "started_at"), rs.getString("signed_off_by"),
            instant(rs, "signed_off_at"), rs.getString("asset_ids") == null ? List.of() : List.of(rs.getString("asset_ids").split(",")));

    /** The new assessment's id, or empty when one of this trigger exists already (a redelivered event). */
    Optional<Long> insertAssessment(String processInstanceId, String kind, String triggerType, String triggerReference,
            String status, String startedBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("INSERT IGNORE INTO risk_assessment (process_instance_id, kind, trigger_type, trigger_reference,"
                + " status, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(processInstanceId, kind, triggerType, triggerReference, status, startedBy, ts(at)).update(keys, "id");
        return inserted == 1 && keys.getKey() != null ? Optional.of(keys.getKey().longValue()) : Optional.empty();
    }

    void setProcessInstance(long assessmentId, String processInstanceId) {
        jdbc.sql("UPDATE risk_assessment SET process_instance_id = ? WHERE id = ?").params(processInstanceId, assessmentId).update();
    }

    Optional<AssessmentView> assessment(long id) {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment a WHERE a.id = ?").param(id).query(ASSESSMENT).optional();
    }

    Optional<AssessmentView> lockAssessment(long id) {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment a WHERE a.id = ? FOR UPDATE").param(id).query(ASSESSMENT).optional();
    }

    Optional<AssessmentView> assessmentOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment a WHERE a.process_instance_id = ?").param(processInstanceId)
                .query(ASSESSMENT).optional();
    }

    Optional<AssessmentView> assessmentOfTrigger(String triggerType, String triggerReference) {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment a WHERE a.trigger_type = ? AND a.trigger_reference = ?")
                .params(triggerType, triggerReference).query(ASSESSMENT).optional();
    }

    List<AssessmentView> assessments() {
        return jdbc.sql("SELECT " + ASSESSMENT_COLUMNS + " FROM risk_assessment a ORDER BY a.id DESC").query(ASSESSMENT).list();
    }

    void setStatus(long assessmentId, String status) {
        jdbc.sql("UPDATE risk_assessment SET status = ? WHERE id = ? AND status <> 'SIGNED_OFF'").params(status, assessmentId).update();
    }

    void signOff(long assessmentId, String by, Instant at) {
        jdbc.sql("UPDATE risk_assessment SET status = 'SIGNED_OFF', signed_off_by = ?, signed_off_at = ? WHERE id = ?")
                .params(by, ts(at), assessmentId).update();
    }

    void replaceScope(long assessmentId, List<String> assetIds) {
        jdbc.sql("DELETE FROM risk_assessment_asset WHERE assessment_id = ?").param(assessmentId).update();
        for (String assetId : assetIds) {
            jdbc.sql("INSERT INTO risk_assessment_asset (assessment_id, asset_id) VALUES (?, ?)").params(assessmentId, assetId).update();
        }
    }

    // --- risks

    private final RowMapper<RiskRow> risk = (rs, n) -> new RiskRow(rs.getLong("id"), rs.getString("asset_id"), rs.getString("threat_id"),
            rs.getString("owner_id"), decrypt(rs.getString("description")), integer(rs, "inherent_likelihood"),
            integer(rs, "inherent_impact"), integer(rs, "inherent_rating"), integer(rs, "impact_confidentiality"),
            integer(rs, "impact_integrity"), integer(rs, "impact_availability"), integer(rs, "impact_patient_safety"),
            integer(rs, "residual_likelihood"), integer(rs, "residual_impact"), integer(rs, "residual_rating"), rs.getString("treatment"),
            rs.getString("status"), rs.getString("accepted_by"), instant(rs, "accepted_at"), decrypt(rs.getString("acceptance_note")),
            rs.getObject("last_assessment_id") == null ? null : rs.getLong("last_assessment_id"), instant(rs, "identified_at"),
            instant(rs, "assessed_at"));

    List<RiskRow> risks() {
        return jdbc.sql("SELECT * FROM risk_entry ORDER BY asset_id, threat_id").query(risk).list();
    }

    Optional<RiskRow> risk(long id) {
        return jdbc.sql("SELECT * FROM risk_entry WHERE id = ?").param(id).query(risk).optional();
    }

    Optional<RiskRow> lockRisk(long id) {
        return jdbc.sql("SELECT * FROM risk_entry WHERE id = ? FOR UPDATE").param(id).query(risk).optional();
    }

    List<RiskRow> risksOf(long assessmentId) {
        return jdbc.sql("SELECT * FROM risk_entry WHERE last_assessment_id = ? ORDER BY asset_id, threat_id").param(assessmentId).query(risk).list();
    }

    /** The asset's risk of this threat, identified now for the assessment, or the register's existing one brought into it. */
    long identify(String assetId, String threatId, String ownerId, long assessmentId, Instant at) {
        jdbc.sql("INSERT IGNORE INTO risk_entry (asset_id, threat_id, owner_id, status, identified_at, last_assessment_id)"
                + " VALUES (?, ?, ?, 'IDENTIFIED', ?, ?)").params(assetId, threatId, ownerId, ts(at), assessmentId).update();
        jdbc.sql("UPDATE risk_entry SET last_assessment_id = ?, status = 'IDENTIFIED' WHERE asset_id = ? AND threat_id = ?")
                .params(assessmentId, assetId, threatId).update();
        return jdbc.sql("SELECT id FROM risk_entry WHERE asset_id = ? AND threat_id = ?").params(assetId, threatId).query(Long.class).single();
    }

    /** Risks of the asset that this assessment identified earlier but the person left out now: back to their last state. */
    void dropFromAssessment(long assessmentId, String assetId, List<Long> kept) {
        jdbc.sql("UPDATE risk_entry SET last_assessment_id = NULL WHERE last_assessment_id = ? AND asset_id = ? AND status = 'IDENTIFIED'"
                + (kept.isEmpty() ? "" : " AND id NOT IN (" + String.join(",", kept.stream().map(String::valueOf).toList()) + ")"))
                .params(assessmentId, assetId).update();
    }

    void analyse(long riskId, Rating r, int inherentImpact, int residualRating, String treatment, String status, String description, Instant at) {
        jdbc.sql("UPDATE risk_entry SET inherent_likelihood = ?, inherent_impact = ?, inherent_rating = ?, impact_confidentiality = ?,"
                + " impact_integrity = ?, impact_availability = ?, impact_patient_safety = ?, residual_likelihood = ?, residual_impact = ?,"
                + " residual_rating = ?, treatment = ?, status = ?, description = COALESCE(?, description), assessed_at = ?,"
                + " accepted_by = NULL, accepted_at = NULL, acceptance_note = NULL WHERE id = ?")
                .params(r.likelihood(), inherentImpact, r.likelihood() * inherentImpact, r.confidentiality(), r.integrity(),
                        r.availability(), r.patientSafety(), r.residualLikelihood(), r.residualImpact(), residualRating, treatment, status,
                        description == null ? null : encryption.encrypt(description), ts(at), riskId)
                .update();
    }

    void replan(long riskId, String treatment, int residualLikelihood, int residualImpact, String status) {
        jdbc.sql("UPDATE risk_entry SET treatment = ?, residual_likelihood = ?, residual_impact = ?, residual_rating = ?, status = ?"
                + " WHERE id = ?").params(treatment, residualLikelihood, residualImpact, residualLikelihood * residualImpact, status, riskId).update();
    }

    void setRiskStatus(long riskId, String status) {
        jdbc.sql("UPDATE risk_entry SET status = ? WHERE id = ?").params(status, riskId).update();
    }

    void accept(long riskId, String by, Instant at, String note) {
        jdbc.sql("UPDATE risk_entry SET status = 'ACCEPTED', accepted_by = ?, accepted_at = ?, acceptance_note = ? WHERE id = ?")
                .params(by, ts(at), note == null ? null : encryption.encrypt(note), riskId).update();
    }

    void refuse(long riskId, String note) {
        jdbc.sql("UPDATE risk_entry SET status = 'TREATING', accepted_by = NULL, accepted_at = NULL, acceptance_note = ? WHERE id = ?")
                .params(encryption.encrypt(note), riskId).update();
    }

    // --- controls

    List<String> controlsOf(long riskId) {
        return jdbc.sql("SELECT control_id FROM risk_control WHERE risk_id = ?").param(riskId).query(String.class).list()
                .stream().sorted(RiskStore::byControlNumber).toList();
    }

    void replaceControls(long riskId, List<String> controls) {
        jdbc.sql("DELETE FROM risk_control WHERE risk_id = ?").param(riskId).update();
        for (String control : controls) {
            jdbc.sql("INSERT INTO risk_control (risk_id, control_id) VALUES (?, ?)").params(riskId, control).update();
        }
    }

    /** 5.2 before 5.10. */
    static int byControlNumber(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    // --- treatment actions

    private final RowMapper<TreatmentAction> action = (rs, n) -> new TreatmentAction(rs.getLong("assessment_id"), rs.getInt("position"),
            rs.getString("owner_group"), rs.getString("owner_user"),
            rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(), decrypt(rs.getString("description")),
            rs.getObject("corrective_action_id") == null ? null : rs.getLong("corrective_action_id"), rs.getString("planned_by"),
            instant(rs, "planned_at"));

    List<TreatmentAction> actionsOf(long riskId) {
        return jdbc.sql("SELECT * FROM risk_treatment_action WHERE risk_id = ? ORDER BY assessment_id, position").param(riskId).query(action).list();
    }

    List<TreatmentAction> actionsOf(long riskId, long assessmentId) {
        return jdbc.sql("SELECT * FROM risk_treatment_action WHERE risk_id = ? AND assessment_id = ? ORDER BY position")
                .params(riskId, assessmentId).query(action).list();
    }

    void addAction(long riskId, long assessmentId, String ownerGroup, String owner, java.time.LocalDate dueDate, String description,
            String by, Instant at) {
        int next = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM risk_treatment_action WHERE risk_id = ? AND assessment_id = ?")
                .params(riskId, assessmentId).query(Integer.class).single();
        jdbc.sql("INSERT INTO risk_treatment_action (risk_id, assessment_id, position, owner_group, owner_user, due_date, description,"
                + " planned_by, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(riskId, assessmentId, next, ownerGroup, owner,
                        dueDate == null ? null : java.sql.Date.valueOf(dueDate), encryption.encrypt(description), by, ts(at))
                .update();
    }

    void setAction(long riskId, long assessmentId, int position, long correctiveActionId) {
        jdbc.sql("UPDATE risk_treatment_action SET corrective_action_id = ? WHERE risk_id = ? AND assessment_id = ? AND position = ?")
                .params(correctiveActionId, riskId, assessmentId, position).update();
    }

    // --- helpers

    private String decrypt(String stored) {
        return stored == null ? null : encryption.decrypt(stored);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
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
