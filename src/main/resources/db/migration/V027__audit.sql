-- Internal audits (issue 18, ISO 27001 clause 9.2): each audit of the programme with its plan, its checklist and
-- results, evidence files, findings and their corrective actions, report versions and the auditees' responses.
-- Free text typed by people (evidence notes, findings, responses) and the files are stored encrypted: an auditor's
-- note may quote a record that names a patient. Nothing of a closed audit changes (enforced by the service).
-- Kept at least six years, like every evidence table of Vigil.

CREATE TABLE audit (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id  VARCHAR(64)   NOT NULL,
    kind                 VARCHAR(20)   NOT NULL,   -- comprehensive | focused | ad-hoc
    programme_year       INT           NOT NULL,
    programme_quarter    INT           NULL,
    status               VARCHAR(20)   NOT NULL,   -- PLANNING, CHECKLIST, FIELDWORK, RESPONSE, FINALIZING, FOLLOW_UP, CLOSED
    scope                VARCHAR(2000) NOT NULL,   -- area ids of seeds/audit, comma-separated, in programme order
    criteria             TEXT          NULL,
    lead_auditor         VARCHAR(64)   NULL,
    team                 VARCHAR(1000) NULL,       -- user ids, comma-separated
    planned_start        DATE          NULL,
    planned_end          DATE          NULL,
    response_due         DATETIME(6)   NULL,
    created_by           VARCHAR(64)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    planned_at           DATETIME(6)   NULL,
    closed_at            DATETIME(6)   NULL,
    CONSTRAINT uq_audit_process UNIQUE (process_instance_id),
    INDEX ix_audit_programme (programme_year, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The audit's checklist, copied from the catalogue's questions when prepared; the text may be edited before fieldwork.
CREATE TABLE audit_checklist_item (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id           BIGINT        NOT NULL,
    position           INT           NOT NULL,
    question_id        VARCHAR(32)   NOT NULL,
    area_id            VARCHAR(64)   NOT NULL,
    cites              VARCHAR(1000) NOT NULL,
    text               TEXT          NOT NULL,
    result             VARCHAR(20)   NULL,         -- conforming | major | minor | observation | improvement | not-audited
    evidence_notes     TEXT          NULL,         -- encrypted
    evidence_links     TEXT          NULL,         -- links to Vigil records, one a line
    raise_action       BOOLEAN       NOT NULL DEFAULT FALSE,   -- an improvement action for an observation or OFI
    recorded_by        VARCHAR(64)   NULL,
    recorded_at        DATETIME(6)   NULL,
    CONSTRAINT fk_audit_item_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT uq_audit_item_question UNIQUE (audit_id, question_id),
    INDEX ix_audit_item_question (question_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Evidence files of an audit: the file and its name encrypted (like incident_evidence), its SHA-256 in clear.
CREATE TABLE audit_evidence (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id           BIGINT        NOT NULL,
    question_id        VARCHAR(32)   NULL,
    file_name          TEXT          NOT NULL,
    content_type       VARCHAR(200)  NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    content            LONGTEXT      NOT NULL,
    uploaded_by        VARCHAR(64)   NOT NULL,
    uploaded_at        DATETIME(6)   NOT NULL,
    CONSTRAINT fk_audit_evidence_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    INDEX ix_audit_evidence_audit (audit_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Findings: a nonconformity (major, minor), an observation or an opportunity for improvement; from a checklist
-- result or from a breach-response exercise's gap (source). repeat_of: an earlier audit's finding on the same question.
CREATE TABLE audit_finding (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id              BIGINT        NOT NULL,
    checklist_item_id     BIGINT        NULL,
    question_id           VARCHAR(32)   NULL,
    area_id               VARCHAR(64)   NULL,
    source                VARCHAR(100)  NOT NULL,   -- "checklist:<item>" or "exercise:<incident>:gap:<n>"
    kind                  VARCHAR(20)   NOT NULL,   -- major | minor | observation | improvement
    description           TEXT          NOT NULL,   -- encrypted
    owner_group           VARCHAR(64)   NOT NULL,
    raise_action          BOOLEAN       NOT NULL,
    corrective_action_id  BIGINT        NULL,
    repeat_of             BIGINT        NULL,
    status                VARCHAR(20)   NOT NULL,   -- OPEN, CLOSED, NO_ACTION
    recorded_at           DATETIME(6)   NOT NULL,
    closed_at             DATETIME(6)   NULL,
    CONSTRAINT fk_audit_finding_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT fk_audit_finding_repeat FOREIGN KEY (repeat_of) REFERENCES audit_finding (id),
    CONSTRAINT uq_audit_finding_source UNIQUE (audit_id, source),
    INDEX ix_audit_finding_question (question_id, id),
    INDEX ix_audit_finding_action (corrective_action_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Report versions, draft then final; HTML and PDF encrypted (they quote the evidence notes), SHA-256 of each in clear.
CREATE TABLE audit_report (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id      BIGINT        NOT NULL,
    version       INT           NOT NULL,
    stage         VARCHAR(10)   NOT NULL,   -- draft | final
    html          LONGTEXT      NOT NULL,
    pdf           LONGTEXT      NOT NULL,
    html_sha256   VARCHAR(64)   NOT NULL,
    pdf_sha256    VARCHAR(64)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_audit_report_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT uq_audit_report_version UNIQUE (audit_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An auditee group's response to the draft report (encrypted text).
CREATE TABLE audit_response (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    audit_id       BIGINT        NOT NULL,
    owner_group    VARCHAR(64)   NOT NULL,
    response       TEXT          NOT NULL,
    responded_by   VARCHAR(64)   NOT NULL,
    responded_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_audit_response_audit FOREIGN KEY (audit_id) REFERENCES audit (id),
    CONSTRAINT uq_audit_response_group UNIQUE (audit_id, owner_group)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
