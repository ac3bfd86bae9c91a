package org.vigil.audit;

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
import org.vigil.audit.AuditApi.AuditView;
import org.vigil.audit.AuditApi.ChecklistEntry;
import org.vigil.audit.AuditApi.EvidenceView;
import org.vigil.audit.AuditApi.FindingView;
import org.vigil.audit.AuditApi.ReportView;
import org.vigil.audit.AuditApi.ResponseView;
import org.vigil.platform.FieldEncryption;

/**
 * SQL over the audit tables of V027__audit.sql, one section per table. Free text and files are encrypted and
 * decrypted here, the one place that reads or writes those columns.
 */
@Repository
class AuditStore {

    private final JdbcClient jdbc;
    private final FieldEncryption encryption;

    AuditStore(JdbcClient jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    // --- audit

    private final RowMapper<AuditView> audit = (rs, n) -> new AuditView(rs.getLong("id"), rs.getString("process_instance_id"),
            rs.getString("kind"), rs.getInt("programme_year"), nullableInt(rs, "programme_quarter"), rs.getString("status"),
            split(rs.getString("scope"), ","), rs.getString("criteria"), rs.getString("lead_auditor"), split(rs.getString("team"), ","),
            date(rs, "planned_start"), date(rs, "planned_end"), instant(rs, "response_due"), rs.getString("created_by"),
            instant(rs, "created_at"), instant(rs, "planned_at"), instant(rs, "closed_at"));

    long insertAudit(String processInstanceId, String kind, int year, Integer quarter, List<String> scope, String createdBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit (process_instance_id, kind, programme_year, programme_quarter, status, scope, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, 'PLANNING', ?, ?, ?)")
                .params(processInstanceId, kind, year, quarter, String.join(",", scope), createdBy, ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AuditView> audit(long id) {
        return jdbc.sql("SELECT * FROM audit WHERE id = ?").param(id).query(audit).optional();
    }

    /** For update: serialises the changes to one audit (its closing among them). */
    Optional<AuditView> lockAudit(long id) {
        return jdbc.sql("SELECT * FROM audit WHERE id = ? FOR UPDATE").param(id).query(audit).optional();
    }

    Optional<AuditView> auditOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT * FROM audit WHERE process_instance_id = ?").param(processInstanceId).query(audit).optional();
    }

    List<AuditView> audits() {
        return jdbc.sql("SELECT * FROM audit ORDER BY id DESC").query(audit).list();
    }

    void savePlan(long id, List<String> scope, String criteria, String lead, List<String> team, LocalDate start, LocalDate end, Instant at) {
        jdbc.sql("UPDATE audit SET scope = ?, criteria = ?, lead_auditor = ?, team = ?, planned_start = ?, planned_end = ?,"
                + " planned_at = ?, status = 'CHECKLIST' WHERE id = ?")
                .params(String.join(",", scope), criteria, lead, String.join(",", team), java.sql.Date.valueOf(start),
                        java.sql.Date.valueOf(end), ts(at), id).update();
    }

    void setStatus(long id, String status) {
        jdbc.sql("UPDATE audit SET status = ? WHERE id = ?").params(status, id).update();
    }

    void setResponseDue(long id, Instant due) {
        jdbc.sql("UPDATE audit SET response_due = ? WHERE id = ?").params(ts(due), id).update();
    }

    void close(long id, Instant at) {
        jdbc.sql("UPDATE audit SET status = 'CLOSED', closed_at = ? WHERE id = ? AND closed_at IS NULL").params(ts(at), id).update();
    }

    // --- audit_checklist_item

    private RowMapper<ChecklistEntry> item() {
        return (rs, n) -> new ChecklistEntry(rs.getLong("id"), rs.getInt("position"), rs.getString("question_id"),
                rs.getString("area_id"), split(rs.getString("cites"), ","), rs.getString("text"), rs.getString("result"),
                encryption.decrypt(rs.getString("evidence_notes")), split(rs.getString("evidence_links"), "\n"),
                rs.getBoolean("raise_action"), rs.getString("recorded_by"), instant(rs, "recorded_at"));
    }

    void insertItem(long auditId, int position, String questionId, String areaId, List<String> cites, String text) {
        jdbc.sql("INSERT INTO audit_checklist_item (audit_id, position, question_id, area_id, cites, text) VALUES (?, ?, ?, ?, ?, ?)")
                .params(auditId, position, questionId, areaId, String.join(",", cites), text).update();
    }

    List<ChecklistEntry> items(long auditId) {
        return jdbc.sql("SELECT * FROM audit_checklist_item WHERE audit_id = ? ORDER BY position").param(auditId).query(item()).list();
    }

    void updateItemText(long auditId, String questionId, String text) {
        jdbc.sql("UPDATE audit_checklist_item SET text = ? WHERE audit_id = ? AND question_id = ?").params(text, auditId, questionId).update();
    }

    void recordResult(long auditId, String questionId, String result, String notes, List<String> links, boolean raiseAction,
            String by, Instant at) {
        jdbc.sql("UPDATE audit_checklist_item SET result = ?, evidence_notes = ?, evidence_links = ?, raise_action = ?,"
                + " recorded_by = ?, recorded_at = ? WHERE audit_id = ? AND question_id = ?")
                .params(result, encryption.encrypt(notes), links.isEmpty() ? null : String.join("\n", links), raiseAction, by, ts(at),
                        auditId, questionId).update();
    }

    // --- audit_evidence

    private static final String EVIDENCE_COLUMNS = "id, question_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private RowMapper<EvidenceView> evidence() {
        return (rs, n) -> new EvidenceView(rs.getLong("id"), rs.getString("question_id"), encryption.decrypt(rs.getString("file_name")),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"));
    }

    long insertEvidence(long auditId, String questionId, String fileName, String contentType, byte[] content, String sha256,
            String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_evidence (audit_id, question_id, file_name, content_type, size_bytes, sha256, content, uploaded_by,"
                + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(auditId, questionId, encryption.encrypt(fileName), contentType, content.length, sha256, encryption.encrypt(content),
                        by, ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<EvidenceView> evidence(long auditId) {
        return jdbc.sql("SELECT " + EVIDENCE_COLUMNS + " FROM audit_evidence WHERE audit_id = ? ORDER BY id").param(auditId)
                .query(evidence()).list();
    }

    byte[] evidenceContent(long auditId, long evidenceId) {
        return jdbc.sql("SELECT content FROM audit_evidence WHERE audit_id = ? AND id = ?").params(auditId, evidenceId)
                .query((rs, n) -> encryption.decryptBytes(rs.getString("content"))).single();
    }

    // --- audit_finding

    private RowMapper<FindingView> finding() {
        return (rs, n) -> new FindingView(rs.getLong("id"), nullableLong(rs, "checklist_item_id"), rs.getString("question_id"),
                rs.getString("area_id"), rs.getString("source"), rs.getString("kind"), encryption.decrypt(rs.getString("description")),
                rs.getString("owner_group"), rs.getBoolean("raise_action"), nullableLong(rs, "corrective_action_id"),
                nullableLong(rs, "repeat_of"), rs.getString("status"), instant(rs, "recorded_at"), instant(rs, "closed_at"));
    }

    /** Inserts the finding unless one of the same source exists; returns the id of the new one, or empty. */
    Optional<Long> insertFinding(long auditId, Long itemId, String questionId, String areaId, String source, String kind,
            String description, String ownerGroup, boolean raiseAction, Long repeatOf, Instant at) {
        if (findingOfSource(auditId, source).isPresent()) {
            return Optional.empty();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_finding (audit_id, checklist_item_id, question_id, area_id, source, kind, description, owner_group,"
                + " raise_action, repeat_of, status, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(auditId, itemId, questionId, areaId, source, kind, encryption.encrypt(description), ownerGroup, raiseAction,
                        repeatOf, raiseAction ? "OPEN" : "NO_ACTION", ts(at)).update(keys, "id");
        return Optional.of(keys.getKey().longValue());
    }

    Optional<FindingView> findingOfSource(long auditId, String source) {
        return jdbc.sql("SELECT * FROM audit_finding WHERE audit_id = ? AND source = ?").params(auditId, source).query(finding()).optional();
    }

    Optional<FindingView> finding(long findingId) {
        return jdbc.sql("SELECT * FROM audit_finding WHERE id = ?").param(findingId).query(finding()).optional();
    }

    List<FindingView> findings(long auditId) {
        return jdbc.sql("SELECT * FROM audit_finding WHERE audit_id = ? ORDER BY id").param(auditId).query(finding()).list();
    }

    /** The latest finding on this question in another, earlier audit: the one a new finding repeats. */
    Optional<FindingView> earlierFinding(String questionId, long auditId) {
        return jdbc.sql("SELECT * FROM audit_finding WHERE question_id = ? AND audit_id < ? AND kind IN ('major', 'minor')"
                + " ORDER BY id DESC LIMIT 1").params(questionId, auditId).query(finding()).optional();
    }

    void setAction(long findingId, long actionId) {
        jdbc.sql("UPDATE audit_finding SET corrective_action_id = ? WHERE id = ?").params(actionId, findingId).update();
    }

    void closeFinding(long findingId, Instant at) {
        jdbc.sql("UPDATE audit_finding SET status = 'CLOSED', closed_at = ? WHERE id = ? AND status = 'OPEN'").params(ts(at), findingId).update();
    }

    // --- audit_report

    private static final RowMapper<ReportView> REPORT = (rs, n) -> new ReportView(rs.getLong("id"), rs.getInt("version"),
            rs.getString("stage"), rs.getString("html_sha256"), rs.getString("pdf_sha256"), rs.getString("created_by"),
            instant(rs, "created_at"));

    void insertReport(long auditId, int version, String stage, String html, byte[] pdf, String htmlSha256, String pdfSha256,
            String by, Instant at) {
        jdbc.sql("INSERT INTO audit_report (audit_id, version, stage, html, pdf, html_sha256, pdf_sha256, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(auditId, version, stage, encryption.encrypt(html), encryption.encrypt(pdf), htmlSha256, pdfSha256, by, ts(at))
                .update();
    }

    List<ReportView> reports(long auditId) {
        return jdbc.sql("SELECT id, version, stage, html_sha256, pdf_sha256, created_by, created_at FROM audit_report"
                + " WHERE audit_id = ? ORDER BY version").param(auditId).query(REPORT).list();
    }

    String reportHtml(long auditId, int version) {
        return jdbc.sql("SELECT html FROM audit_report WHERE audit_id = ? AND version = ?").params(auditId, version)
                .query((rs, n) -> encryption.decrypt(rs.getString("html"))).single();
    }

    byte[] reportPdf(long auditId, int version) {
        return jdbc.sql("SELECT pdf FROM audit_report WHERE audit_id = ? AND version = ?").params(auditId, version)
                .query((rs, n) -> encryption.decryptBytes(rs.getString("pdf"))).single();
    }

    // --- audit_response

    void insertResponse(long auditId, String group, String response, String by, Instant at) {
        jdbc.sql("INSERT INTO audit_response (audit_id, owner_group, response, responded_by, responded_at) VALUES (?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE response = VALUES(response), responded_by = VALUES(responded_by), responded_at = VALUES(responded_at)")
                .params(auditId, group, encryption.encrypt(response), by, ts(at)).update();
    }

    List<ResponseView> responses(long auditId) {
        return jdbc.sql("SELECT * FROM audit_response WHERE audit_id = ? ORDER BY owner_group").param(auditId)
                .query((rs, n) -> new ResponseView(rs.getString("owner_group"), encryption.decrypt(rs.getString("response")),
                        rs.getString("responded_by"), instant(rs, "responded_at"))).list();
    }

    // --- helpers

    private static List<String> split(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(separator)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
