package org.vigil.risk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows of the register (V031) written straight into MariaDB, as the risk-assessment process would leave them, for the
 * tests of what reads them (figures, heat map, SoA, review input, page). Ids are unique per call, so tests of one JVM
 * do not meet each other's rows.
 */
final class RiskRows {

    private final JdbcClient jdbc;

    RiskRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String asset(String priority, Instant addedAt, Instant lastAssessedAt) {
        String id = "sys-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO risk_asset (id, name, classification, phi, priority, owner_id, source, added_at, added_by, last_assessed_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'sysadmin', 'ciso', ?, 'ciso', ?)")
                .params(id, "Test system " + id, "high".equals(priority) ? "phi-restricted" : "internal", "high".equals(priority), priority,
                        Timestamp.from(addedAt), lastAssessedAt == null ? null : Timestamp.from(lastAssessedAt))
                .update();
        return id;
    }

    void retire(String assetId, Instant at) {
        jdbc.sql("UPDATE risk_asset SET retired_at = ? WHERE id = ?").params(Timestamp.from(at), assetId).update();
    }

    long assessment(String kind, Instant startedAt, Instant signedOffAt, String... assetIds) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO risk_assessment (kind, status, started_by, started_at, signed_off_by, signed_off_at)"
                        + " VALUES (?, ?, 'ciso', ?, ?, ?)")
                .params(kind, signedOffAt == null ? "ANALYSING" : "SIGNED_OFF", Timestamp.from(startedAt), signedOffAt == null ? null : "ciso",
                        signedOffAt == null ? null : Timestamp.from(signedOffAt))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (String asset : assetIds) {
            jdbc.sql("INSERT INTO risk_assessment_asset (assessment_id, asset_id) VALUES (?, ?)").params(id, asset).update();
        }
        return id;
    }

    /** A risk rated inherent {@code il} x {@code ii}, and residual {@code rl} x {@code ri} when those are not null. */
    long risk(String assetId, String threatId, Instant identifiedAt, int il, int ii, Integer rl, Integer ri, String status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO risk_entry (asset_id, threat_id, owner_id, inherent_likelihood, inherent_impact, inherent_rating,"
                        + " residual_likelihood, residual_impact, residual_rating, treatment, status, identified_at, assessed_at)"
                        + " VALUES (?, ?, 'sysadmin', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assetId, threatId, il, ii, il * ii, rl, ri, rl == null ? null : rl * ri, rl == null ? null : "modify", status,
                        Timestamp.from(identifiedAt), Timestamp.from(identifiedAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void accept(long riskId, Instant at) {
        jdbc.sql("UPDATE risk_entry SET status = 'ACCEPTED', accepted_by = 'sysadmin', accepted_at = ? WHERE id = ?")
                .params(Timestamp.from(at), riskId).update();
    }

    void treatedBy(long riskId, String controlId) {
        jdbc.sql("INSERT INTO risk_control (risk_id, control_id) VALUES (?, ?)").params(riskId, controlId).update();
    }
}
