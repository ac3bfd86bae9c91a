package org.vigil.breach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.FieldEncryption;
import org.vigil.platform.Sha256;

/** Files attached to an incident as evidence: stored encrypted with their name, listed with size and SHA-256. */
@Component
class IncidentEvidence {

    record EvidenceView(long id, Long obligationId, String fileName, String contentType, long size, String sha256, String note,
            String uploadedBy, Instant uploadedAt) {}

    record EvidenceFile(EvidenceView view, byte[] content) {}

    private static final String COLUMNS = "id, obligation_id, file_name, content_type, size_bytes, sha256, note, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final Clock clock;

    IncidentEvidence(JdbcTemplate jdbc, FieldEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    @Transactional
    EvidenceView add(long incidentId, Long obligationId, String fileName, String contentType, byte[] content, String note, String uploadedBy) {
        Instant now = clock.instant();
        String sha256 = Sha256.hex(content);
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into incident_evidence (incident_id, obligation_id, file_name, content_type,"
                    + " size_bytes, sha256, note, content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setLong(1, incidentId);
            insert.setObject(2, obligationId);
            insert.setString(3, encryption.encrypt(fileName));
            insert.setString(4, contentType);
            insert.setLong(5, content.length);
            insert.setString(6, sha256);
            insert.setString(7, encryption.encrypt(note));
            insert.setString(8, encryption.encrypt(content));
            insert.setString(9, uploadedBy);
            insert.setObject(10, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            return insert;
        }, keys);
        return new EvidenceView(keys.getKey().longValue(), obligationId, fileName, contentType, content.length, sha256, note, uploadedBy, now);
    }

    /** Evidence may prove one of the incident's own obligations, and no other. */
    @Transactional(readOnly = true)
    boolean isObligationOf(long incidentId, long obligationId) {
        Integer found = jdbc.queryForObject("select count(*) from notification_obligation where id = ? and incident_id = ?",
                Integer.class, obligationId, incidentId);
        return found != null && found > 0;
    }

    @Transactional(readOnly = true)
    List<EvidenceView> list(long incidentId) {
        return jdbc.query("select " + COLUMNS + " from incident_evidence where incident_id = ? order by id", view(), incidentId);
    }

    @Transactional(readOnly = true)
    Optional<EvidenceFile> file(long incidentId, long evidenceId) {
        return jdbc.query("select " + COLUMNS + ", content from incident_evidence where incident_id = ? and id = ?",
                (row, n) -> new EvidenceFile(view().mapRow(row, n), encryption.decryptBytes(row.getString("content"))), incidentId, evidenceId)
                .stream().findFirst();
    }

    private RowMapper<EvidenceView> view() {
        return (row, n) -> new EvidenceView(row.getLong("id"), (Long) row.getObject("obligation_id", Long.class),
                encryption.decrypt(row.getString("file_name")), row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
                encryption.decrypt(row.getString("note")), row.getString("uploaded_by"),
                row.getObject("uploaded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
