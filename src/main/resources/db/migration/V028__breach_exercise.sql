-- Breach-response exercises (ISO 27001 A.5.24, A.5.26; HIPAA 164.308(a)(6) and (a)(7)(ii)(D): testing the incident
-- procedures). An exercise runs the real breach response on a scenario of seeds/breach/exercises/: its incident is
-- marked, and so is everything that follows from it (obligations, tasks, mails, documents) through the incident.
ALTER TABLE incident ADD COLUMN exercise BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per exercise incident: who ran it for which audit, and when each step a real incident is measured by was
-- reached, with the deadline the SLA policy set for it (the task's due date); the report and its gaps come from here.
CREATE TABLE breach_exercise (
    incident_id            BIGINT        NOT NULL PRIMARY KEY,
    scenario               VARCHAR(100)  NOT NULL,
    audit_id               BIGINT        NULL,
    started_by             VARCHAR(64)   NOT NULL,
    participants           VARCHAR(2000) NOT NULL,
    started_at             DATETIME(6)   NOT NULL,
    triage_due_at          DATETIME(6)   NULL,
    triaged_at             DATETIME(6)   NULL,
    containment_due_at     DATETIME(6)   NULL,
    contained_at           DATETIME(6)   NULL,
    plan_due_at            DATETIME(6)   NULL,
    planned_at             DATETIME(6)   NULL,
    first_notice_due_at    DATETIME(6)   NULL,
    first_notice_ready_at  DATETIME(6)   NULL,
    reported_at            DATETIME(6)   NULL,
    reported_by            VARCHAR(64)   NULL,
    -- Ended on request before its response was done (POST /api/exercises/{id}/report), not by the incident's closure.
    ended_early            BOOLEAN       NOT NULL DEFAULT FALSE,
    gaps                   VARCHAR(4000) NULL,
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_breach_exercise_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_breach_exercise_audit ON breach_exercise (audit_id);
