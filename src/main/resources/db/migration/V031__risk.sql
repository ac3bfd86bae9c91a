-- Risk assessment and treatment (issue 20; ISO 27001 6.1.2, 6.1.3, 8.2, 8.3; HIPAA 164.308(a)(1)(ii)(A)-(B)): the
-- assets (the PHI systems of the access-review register, mirrored here, and others the CISO adds), the assessments
-- (yearly, quarterly for high-priority PHI assets, by hand, or started by an event that is recorded), the risks of
-- the register (one per asset and threat of seeds/risk/threats.yaml), the Annex A 2022 controls that treat each, and
-- the corrective/improvement actions of its treatment plan. Ratings are likelihood x impact on the scales of
-- seeds/risk/criteria.yaml; impact is the highest of confidentiality, integrity, availability and patient safety.
-- Free text typed by people is stored encrypted. Rows are evidence, kept at least six years: nothing deletes them.

CREATE TABLE risk_asset (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,  -- the PHI system's id in the register, or one the CISO gives
    name             VARCHAR(200)  NOT NULL,
    classification   VARCHAR(40)   NOT NULL,              -- the register's classification (phi-restricted, phi-limited, ...) or other
    phi              BOOLEAN       NOT NULL,              -- holds patient data (from the access-review register)
    priority         VARCHAR(10)   NOT NULL,              -- high | normal: high ones are reviewed every quarter
    owner_id         VARCHAR(64)   NOT NULL,              -- the asset's owner, the default owner of its risks
    source           VARCHAR(20)   NOT NULL,              -- register | ciso
    added_at         DATETIME(6)   NOT NULL,
    added_by         VARCHAR(64)   NOT NULL,
    retired_at       DATETIME(6)   NULL,
    last_assessed_at DATETIME(6)   NULL                   -- the sign-off of the last assessment that covered it
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE risk_assessment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id VARCHAR(64)   NULL,
    kind                VARCHAR(20)   NOT NULL,   -- annual | quarterly | manual | triggered
    trigger_type        VARCHAR(40)   NULL,       -- phi-system-added | classification-raised | breach-closed | catalog-version | agreement-changed
    trigger_reference   VARCHAR(200)  NULL,       -- ids only (system id, incident id, catalog version, agreement id)
    status              VARCHAR(20)   NOT NULL,   -- SCOPING | IDENTIFYING | ANALYSING | TREATING | ACCEPTING | SIGNED_OFF
    started_by          VARCHAR(64)   NOT NULL,
    started_at          DATETIME(6)   NOT NULL,
    signed_off_by       VARCHAR(64)   NULL,
    signed_off_at       DATETIME(6)   NULL,
    CONSTRAINT uq_risk_assessment_process UNIQUE (process_instance_id),
    CONSTRAINT uq_risk_assessment_trigger UNIQUE (trigger_type, trigger_reference),
    INDEX ix_risk_assessment_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The assets an assessment covers.
CREATE TABLE risk_assessment_asset (
    assessment_id  BIGINT       NOT NULL,
    asset_id       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (assessment_id, asset_id),
    CONSTRAINT fk_risk_assessment_asset_assessment FOREIGN KEY (assessment_id) REFERENCES risk_assessment (id),
    CONSTRAINT fk_risk_assessment_asset_asset FOREIGN KEY (asset_id) REFERENCES risk_asset (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The register: one risk per asset and threat, rated again by each assessment that covers its asset.
CREATE TABLE risk_entry (
    id                    BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    asset_id              VARCHAR(64)   NOT NULL,
    threat_id             VARCHAR(64)   NOT NULL,   -- seeds/risk/threats.yaml
    owner_id              VARCHAR(64)   NOT NULL,   -- the risk owner: only they accept its residual risk
    description           TEXT          NULL,       -- encrypted
    inherent_likelihood   TINYINT       NULL,       -- 1..5
    inherent_impact       TINYINT       NULL,       -- 1..5, the highest of the four dimensions
    inherent_rating       SMALLINT      NULL,       -- likelihood x impact
    impact_confidentiality TINYINT      NULL,
    impact_integrity      TINYINT       NULL,
    impact_availability   TINYINT       NULL,
    impact_patient_safety TINYINT       NULL,
    residual_likelihood   TINYINT       NULL,
    residual_impact       TINYINT       NULL,
    residual_rating       SMALLINT      NULL,
    treatment             VARCHAR(10)   NULL,       -- modify | retain | avoid | share
    status                VARCHAR(20)   NOT NULL,   -- IDENTIFIED | ANALYSED | TREATING | ACCEPTED | WITHIN_APPETITE | CLOSED
    accepted_by           VARCHAR(64)   NULL,
    accepted_at           DATETIME(6)   NULL,
    acceptance_note       TEXT          NULL,       -- encrypted
    last_assessment_id    BIGINT        NULL,
    identified_at         DATETIME(6)   NOT NULL,
    assessed_at           DATETIME(6)   NULL,
    CONSTRAINT uq_risk_entry_asset_threat UNIQUE (asset_id, threat_id),
    CONSTRAINT fk_risk_entry_asset FOREIGN KEY (asset_id) REFERENCES risk_asset (id),
    CONSTRAINT fk_risk_entry_assessment FOREIGN KEY (last_assessment_id) REFERENCES risk_assessment (id),
    INDEX ix_risk_entry_rating (residual_rating)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The Annex A 2022 controls (5.1 .. 8.34) that treat a risk.
CREATE TABLE risk_control (
    risk_id     BIGINT       NOT NULL,
    control_id  VARCHAR(10)  NOT NULL,
    PRIMARY KEY (risk_id, control_id),
    INDEX ix_risk_control_control (control_id),
    CONSTRAINT fk_risk_control_risk FOREIGN KEY (risk_id) REFERENCES risk_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The actions of a risk's treatment plan, run by the corrective-action capability (source risk-treatment,
-- reference risk:<risk id>:assessment:<assessment id>:action:<n>).
CREATE TABLE risk_treatment_action (
    risk_id               BIGINT       NOT NULL,
    assessment_id         BIGINT       NOT NULL,
    position              INT          NOT NULL,
    corrective_action_id  BIGINT       NULL,
    owner_group           VARCHAR(64)  NOT NULL,   -- the group that carries the action out
    description           TEXT         NOT NULL,   -- encrypted: what is to be done (the action's description)
    owner_user            VARCHAR(64)  NULL,       -- decided in the plan (a member of owner_group), else named in the action's own plan
    due_date              DATE         NULL,       -- decided in the plan, else the severity policy's
    planned_by            VARCHAR(64)  NOT NULL,
    planned_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (risk_id, assessment_id, position),
    CONSTRAINT fk_risk_treatment_action_risk FOREIGN KEY (risk_id) REFERENCES risk_entry (id),
    CONSTRAINT fk_risk_treatment_action_assessment FOREIGN KEY (assessment_id) REFERENCES risk_assessment (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ------------------------------------------------------------------ triggers
-- What starts a risk assessment from outside the risk capability (issue 20): a version of the regulatory catalog, or
-- an agreement of seeds/breach/agreements.yaml, that a started application has not seen before. Each publisher keeps
-- what it has seen, so a change is announced once however many nodes start or restart. The first start records what
-- is there without announcing it: nothing changed yet.

CREATE TABLE regulation_catalog_version_seen (
    version        VARCHAR(40)  NOT NULL PRIMARY KEY,
    first_seen_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE breach_agreement_fingerprint (
    agreement_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    fingerprint    CHAR(64)     NOT NULL,   -- SHA-256 of the agreement's entry as the register has it
    seen_at        DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The first start's fingerprinting of the agreements: taken once, so that an agreement added after a first start with
-- an empty register is announced too.
CREATE TABLE breach_agreement_baseline (
    id             TINYINT      NOT NULL PRIMARY KEY,
    taken_at       DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
