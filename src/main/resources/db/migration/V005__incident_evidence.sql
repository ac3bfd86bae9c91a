-- Evidence attached to an incident (containment logs, screenshots, a police report, proof of dispatch): the file
-- and its name encrypted (either may identify a patient), its SHA-256 kept in clear for the audit trail.
CREATE TABLE incident_evidence (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_id    BIGINT        NOT NULL,
    obligation_id  BIGINT        NULL,
    file_name      TEXT          NOT NULL,
    content_type   VARCHAR(200)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    note           TEXT          NULL,
    content        LONGTEXT      NOT NULL,
    uploaded_by    VARCHAR(100)  NOT NULL,
    uploaded_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_evidence_incident FOREIGN KEY (incident_id) REFERENCES incident (id),
    INDEX ix_evidence_incident (incident_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
