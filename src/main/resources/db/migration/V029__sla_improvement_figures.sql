-- The SLA capability's record of each corrective action, from the corrective-action capability's events: its
-- source, severity and dates, and how often an effectiveness check reopened it. The dashboard's improvement figures
-- (ISO 27001 9.1, 10.2: actions open by severity, overdue, mean time to close, audit findings open) read it.
-- Exercises are kept out of the figures. Ids, codes and dates only.
CREATE TABLE corrective_action_figure (
    action_id    BIGINT       NOT NULL PRIMARY KEY,
    source_type  VARCHAR(40)  NOT NULL,
    severity     VARCHAR(20)  NOT NULL,
    owner_group  VARCHAR(64)  NULL,
    raised_at    DATETIME(6)  NOT NULL,
    due_at       DATETIME(6)  NULL,
    closed_at    DATETIME(6)  NULL,
    reopen_count INT          NOT NULL DEFAULT 0,
    INDEX ix_capa_figure_open (closed_at, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Each internal audit's planned last day of fieldwork (the end of that day in the company's zone) and when its final
-- report was issued, from the audit capability's AuditPlanned and AuditReported events: "audits on schedule".
CREATE TABLE audit_schedule_figure (
    audit_id      BIGINT       NOT NULL PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL,
    planned_end   DATETIME(6)  NULL,
    reported_at   DATETIME(6)  NULL,
    INDEX ix_audit_figure_planned_end (planned_end)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
