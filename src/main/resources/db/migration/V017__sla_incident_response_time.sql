-- The SLA capability's record of each incident's response times, from the breach capability's events: when it was
-- discovered, when its containment ended, when its last required notice to individuals went out. The dashboard's
-- mean time to contain and to notify are computed from these dates (ISO 27001 9.1, A.5.26), not from how long
-- tasks stayed open. Ids and dates only.
CREATE TABLE incident_response_time (
    incident_id             BIGINT       NOT NULL PRIMARY KEY,
    discovered_at           DATETIME(6)  NOT NULL,
    contained_at            DATETIME(6)  NULL,
    individuals_notified_at DATETIME(6)  NULL,
    INDEX ix_response_contained (contained_at),
    INDEX ix_response_notified (individuals_notified_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
