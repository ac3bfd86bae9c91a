-- Statement of Applicability (issue 20; ISO 27001 6.1.3 d): the 93 controls of ISO/IEC 27001:2022 Annex A as the
-- CISO keeps them in Vigil (applicability, justification either way, implementation status, who changed it last and
-- when; defaults from seeds/risk/soa.yaml), and a version frozen at each risk assessment's sign-off: all 93 rows with
-- the risks each control treated then, and its document rendered once (HTML and PDF), so every download is the same bytes and its SHA-256
-- checks a copy. No patient data. Versions are evidence, kept at least six years: nothing deletes them.

CREATE TABLE soa_control (
    control_id      VARCHAR(10)   NOT NULL PRIMARY KEY,   -- A.5.1 .. A.8.34
    applicable      BOOLEAN       NOT NULL,
    justification   VARCHAR(2000) NOT NULL,
    status          VARCHAR(30)   NOT NULL,               -- implemented | partially-implemented | planned | not-implemented
    changed_by      VARCHAR(64)   NOT NULL,               -- "seed" until the CISO edits it
    changed_at      DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE soa_version (
    version         INT           NOT NULL PRIMARY KEY,   -- 1, 2, ... in the order of the sign-offs
    assessment_id   BIGINT        NOT NULL,
    assessment_kind VARCHAR(20)   NOT NULL,
    trigger_type    VARCHAR(40)   NULL,
    signed_off_at   DATETIME(6)   NOT NULL,
    signed_off_by   VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    applicable      INT           NOT NULL,               -- counts, for the list
    not_applicable  INT           NOT NULL,
    document_html   MEDIUMTEXT    NOT NULL,               -- the version's document as rendered at the sign-off
    document_pdf    LONGBLOB      NOT NULL,
    document_sha256 VARCHAR(64)   NOT NULL,
    CONSTRAINT uq_soa_version_assessment UNIQUE (assessment_id)   -- one version per assessment, however often the event comes
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE soa_version_control (
    version         INT           NOT NULL,
    control_id      VARCHAR(10)   NOT NULL,
    applicable      BOOLEAN       NOT NULL,
    justification   VARCHAR(2000) NOT NULL,
    status          VARCHAR(30)   NOT NULL,
    risk_ids        VARCHAR(4000) NOT NULL,               -- the risk_entry ids treated by the control, comma-separated, ascending
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (version, control_id),
    CONSTRAINT fk_soa_version_control_version FOREIGN KEY (version) REFERENCES soa_version (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
