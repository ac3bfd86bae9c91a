-- The incident's record of events: who closed or reopened it, when and why. Rows are only ever added; the reason may
-- cite patient data and is stored encrypted. Kept with the incident (six years after its last closure, 164.530(j)).
CREATE TABLE incident_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_id  BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  DATETIME(6)   NOT NULL,
    reason       TEXT          NULL,
    CONSTRAINT fk_incident_event_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    INDEX ix_incident_event_incident (incident_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Incidents closed before there was a record of events: their closure, by the breach process.
INSERT INTO incident_event (incident_id, kind, actor, occurred_at)
SELECT id, 'CLOSED', 'vigil', closed_at FROM incident WHERE status = 'CLOSED' AND closed_at IS NOT NULL ORDER BY id;
