-- The deadline registry: every user task with a due date, every regulatory obligation, access-review item and
-- corrective action, one row each, with the status managers watch (ISO 27001 9.1, 9.3).
CREATE TABLE deadline_entry (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    source_type         VARCHAR(30)   NOT NULL,
    source_id           VARCHAR(100)  NOT NULL,
    process_key         VARCHAR(100)  NOT NULL,
    step                VARCHAR(100)  NOT NULL,
    process_instance_id VARCHAR(64)   NULL,
    task_id             VARCHAR(64)   NULL,
    what                VARCHAR(300)  NOT NULL,
    owner_group         VARCHAR(100)  NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    due_at              DATETIME(6)   NOT NULL,
    warn_at             DATETIME(6)   NOT NULL,
    escalate_at         DATETIME(6)   NULL,
    status              VARCHAR(20)   NOT NULL,
    completed_at        DATETIME(6)   NULL,
    CONSTRAINT uq_deadline_source UNIQUE (source_type, source_id),
    INDEX ix_deadline_open (status, due_at),
    INDEX ix_deadline_completed (completed_at, process_key, status),
    INDEX ix_deadline_step (step, status, completed_at),
    INDEX ix_deadline_type (source_type, created_at, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
