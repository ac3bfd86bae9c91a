package org.vigil.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the tables of V033__statement_of_applicability.sql, and the risk register's {@code risk_control} (read only). */
@Repository
class SoaStore {

    /** A row of {@code soa_control} or {@code soa_version_control}, before the catalogue's titles are added. */
    record Row(String controlId, boolean applicable, String justification, String status, List<Long> riskIds, String changedBy,
            Instant changedAt) {}

    private final JdbcClient jdbc;

    SoaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seed's row for a control the table does not have yet; an edited row stays as the CISO left it. */
    void seed(String controlId, boolean applicable, String justification, String status, Instant at) {
        jdbc.sql("INSERT IGNORE INTO soa_control (control_id, applicable, justification, status, changed_by, changed_at)"
                        + " VALUES (?, ?, ?, ?, 'seed', ?)")
                .params(controlId, applicable, justification, status, Timestamp.from(at)).update();
    }

    Map<String, Row> current() {
        Map<String, List<Long>> risks = risksByControl();
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM soa_control").query((rs, n) -> row(rs, risks.getOrDefault(rs.getString("control_id"), List.of())))
                .list().forEach(row -> rows.put(row.controlId(), row));
        return rows;
    }

    boolean update(String controlId, boolean applicable, String justification, String status, String by, Instant at) {
        return jdbc.sql("UPDATE soa_control SET applicable = ?, justification = ?, status = ?, changed_by = ?, changed_at = ?"
                        + " WHERE control_id = ?")
                .params(applicable, justification, status, by, Timestamp.from(at), controlId).update() == 1;
    }

    /**
     * The register's risks per control, the control named {@code A.5.15} whether risk_control holds {@code A.5.15} or
     * {@code 5.15}. Closed risks and those of retired assets no longer count.
     */
    Map<String, List<Long>> risksByControl() {
        Map<String, TreeSet<Long>> found = new HashMap<>();
        jdbc.sql("SELECT c.control_id, c.risk_id FROM risk_control c JOIN risk_entry r ON r.id = c.risk_id"
                        + " JOIN risk_asset a ON a.id = r.asset_id WHERE r.status <> 'CLOSED' AND a.retired_at IS NULL")
                .query((rs, n) -> found.computeIfAbsent(normalised(rs.getString(1)), k -> new TreeSet<>()).add(rs.getLong(2)))
                .list();
        Map<String, List<Long>> risks = new HashMap<>();
        found.forEach((control, ids) -> risks.put(control, List.copyOf(ids)));
        return risks;
    }

    Optional<Integer> versionOf(long assessmentId) {
        return jdbc.sql("SELECT version FROM soa_version WHERE assessment_id = ?").param(assessmentId).query(Integer.class).optional();
    }

    /** Held until the transaction ends; taken first, so what the transaction reads after it includes the last version committed. */
    void lockVersioning() {
        jdbc.sql("SELECT control_id FROM soa_control ORDER BY control_id LIMIT 1 FOR UPDATE").query(String.class).optional();
    }

    int nextVersion() {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM soa_version FOR UPDATE").query(Integer.class).single();
    }

    void insertVersion(Soa.Version v, String html, byte[] pdf, List<Row> rows) {
        jdbc.sql("INSERT INTO soa_version (version, assessment_id, assessment_kind, trigger_type, signed_off_at, signed_off_by, created_at,"
                        + " applicable, not_applicable, document_html, document_pdf, document_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.version(), v.assessmentId(), v.assessmentKind(), v.triggerType(), Timestamp.from(v.signedOffAt()), v.signedOffBy(),
                        Timestamp.from(v.createdAt()), v.applicable(), v.notApplicable(), html, pdf, v.documentSha256())
                .update();
        for (Row row : rows) {
            jdbc.sql("INSERT INTO soa_version_control (version, control_id, applicable, justification, status, risk_ids, changed_by, changed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(v.version(), row.controlId(), row.applicable(), row.justification(), row.status(),
                            String.join(",", row.riskIds().stream().map(String::valueOf).toList()), row.changedBy(),
                            Timestamp.from(row.changedAt()))
                    .update();
        }
    }

    List<Soa.Version> versions() {
        return jdbc.sql("SELECT * FROM soa_version ORDER BY version DESC").query((rs, n) -> version(rs)).list();
    }

    Optional<Soa.Version> version(int version) {
        return jdbc.sql("SELECT * FROM soa_version WHERE version = ?").param(version).query((rs, n) -> version(rs)).optional();
    }

    Map<String, Row> versionControls(int version) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("SELECT * FROM soa_version_control WHERE version = ?").param(version)
                .query((rs, n) -> row(rs, ids(rs.getString("risk_ids")))).list().forEach(row -> rows.put(row.controlId(), row));
        return rows;
    }

    Optional<String> html(int version) {
        return jdbc.sql("SELECT document_html FROM soa_version WHERE version = ?").param(version).query(String.class).optional();
    }

    Optional<byte[]> pdf(int version) {
        return jdbc.sql("SELECT document_pdf FROM soa_version WHERE version = ?").param(version)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    static String normalised(String controlId) {
        String id = controlId == null ? "" : controlId.strip();
        return id.startsWith("A.") ? id : "A." + id;
    }

    private static Row row(ResultSet rs, List<Long> riskIds) throws SQLException {
        return new Row(rs.getString("control_id"), rs.getBoolean("applicable"), rs.getString("justification"), rs.getString("status"),
                riskIds, rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }

    private static Soa.Version version(ResultSet rs) throws SQLException {
        return new Soa.Version(rs.getInt("version"), rs.getLong("assessment_id"), rs.getString("assessment_kind"), rs.getString("trigger_type"),
                rs.getTimestamp("signed_off_at").toInstant(), rs.getString("signed_off_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("applicable"), rs.getLong("not_applicable"), rs.getString("document_sha256"));
    }

    private static List<Long> ids(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(csv.split(",")).map(Long::valueOf).toList());
    }
}
