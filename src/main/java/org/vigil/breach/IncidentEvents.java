package org.vigil.breach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.vigil.platform.FieldEncryption;

/**
 * The incident's record of events (V013__incident_event.sql): each closure and each reopening, with who, when and why.
 * Rows are only ever added. The reason may cite patient data, so it is encrypted and never logged or put in a process.
 */
@Component
class IncidentEvents {

    enum Kind { CLOSED, REOPENED }

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;

    IncidentEvents(JdbcTemplate jdbc, FieldEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    void record(long incidentId, Kind kind, String actor, Instant at, String reason) {
        jdbc.update("insert into incident_event (incident_id, kind, actor, occurred_at, reason) values (?, ?, ?, ?, ?)",
                incidentId, kind.name(), actor, LocalDateTime.ofInstant(at, ZoneOffset.UTC), encryption.encrypt(reason));
    }

    List<IncidentView.EventView> of(long incidentId) {
        return jdbc.query("select kind, actor, occurred_at, reason from incident_event where incident_id = ? order by id",
                (row, n) -> new IncidentView.EventView(row.getString("kind"), row.getString("actor"),
                        row.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), encryption.decrypt(row.getString("reason"))),
                incidentId);
    }
}
