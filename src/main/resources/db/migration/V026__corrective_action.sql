-- Corrective actions (issue 18, ISO 27001 clause 10.2): one row per nonconformity to correct, whatever raised it (an
-- audit finding, a post-incident review, an exercise gap, a management review, a risk treatment, a person). The source
-- (type and reference) is unique, so raising the same one twice gives the first action. Free text that people type
-- may hold patient data and is stored encrypted (v1:<key id>:<AES-256-GCM>). Rows are evidence for the auditors and
-- are kept at least six years (HIPAA 164.530(j)): nothing deletes them.
CREATE TABLE corrective_action (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_type           VARCHAR(40)   NOT NULL,
    source_reference      VARCHAR(200)  NOT NULL,
    severity              VARCHAR(20)   NOT NULL,
    owner_group           VARCHAR(64)   NOT NULL,
    owner_user            VARCHAR(64)   NULL,
    status                VARCHAR(20)   NOT NULL,
    description           TEXT          NOT NULL,
    correction            TEXT          NULL,
    correction_made       BOOLEAN       NULL,
    root_cause            TEXT          NULL,
    root_cause_method     VARCHAR(40)   NULL,
    similar_elsewhere     BOOLEAN       NULL,
    similar_where         TEXT          NULL,
    plan                  TEXT          NULL,
    due_reason            TEXT          NULL,
    evidence              TEXT          NULL,
    effectiveness_notes   TEXT          NULL,
    raised_by             VARCHAR(64)   NOT NULL,
    raised_at             DATETIME(6)   NOT NULL,
    due_at                DATETIME(6)   NOT NULL,
    planned_at            DATETIME(6)   NULL,
    implemented_by        VARCHAR(64)   NULL,
    implemented_at        DATETIME(6)   NULL,
    checked_by            VARCHAR(64)   NULL,
    checked_at            DATETIME(6)   NULL,
    closed_at             DATETIME(6)   NULL,
    repeat_of             BIGINT        NULL,
    reopen_count          INT           NOT NULL DEFAULT 0,
    exercise              BOOLEAN       NOT NULL DEFAULT FALSE,
    process_instance_id   VARCHAR(64)   NULL,
    retain_until          DATE          NOT NULL,
    CONSTRAINT uq_corrective_action_source UNIQUE (source_type, source_reference),
    CONSTRAINT fk_corrective_action_repeat FOREIGN KEY (repeat_of) REFERENCES corrective_action (id),
    INDEX ix_corrective_action_status (status, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
