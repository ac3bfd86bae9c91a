-- Access reviews (issue 6, ISO 27001 A.5.18, HIPAA 164.308(a)(3)-(4)): the register of systems holding PHI,
-- imported entitlement and HR-roster snapshots, campaigns with their frozen scope, every reviewer decision,
-- revocations and their verification. Workforce data only, no patient data. Kept at least six years.

CREATE TABLE ar_system (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    deputy_id       VARCHAR(64)  NULL,
    classification  VARCHAR(40)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One import: the entitlements of one system, or the HR roster (system_id NULL).
CREATE TABLE ar_snapshot (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    system_id    VARCHAR(64)  NULL,
    source       VARCHAR(40)  NOT NULL,
    imported_by  VARCHAR(64)  NOT NULL,
    imported_at  DATETIME(6)  NOT NULL,
    checksum     VARCHAR(64)  NOT NULL,
    row_count    INT          NOT NULL,
    INDEX ix_ar_snapshot_latest (kind, system_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_entitlement (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    snapshot_id  BIGINT       NOT NULL,
    system_id    VARCHAR(64)  NOT NULL,
    account      VARCHAR(128) NOT NULL,
    person_id    VARCHAR(64)  NULL,
    manager_id   VARCHAR(64)  NULL,
    entitlement  VARCHAR(128) NOT NULL,
    privileged   BOOLEAN      NOT NULL,
    last_login   DATE         NULL,
    CONSTRAINT fk_ar_entitlement_snapshot FOREIGN KEY (snapshot_id) REFERENCES ar_snapshot (id),
    INDEX ix_ar_entitlement_snapshot (snapshot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_roster_entry (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    snapshot_id    BIGINT      NOT NULL,
    person_id      VARCHAR(64) NOT NULL,
    manager_id     VARCHAR(64) NULL,
    status         VARCHAR(20) NOT NULL,
    terminated_on  DATE        NULL,
    CONSTRAINT fk_ar_roster_snapshot FOREIGN KEY (snapshot_id) REFERENCES ar_snapshot (id),
    INDEX ix_ar_roster_snapshot (snapshot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_campaign (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id  VARCHAR(64)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    changes_only         BOOLEAN      NOT NULL,
    started_by           VARCHAR(64)  NOT NULL,
    started_at           DATETIME(6)  NOT NULL,
    due_at               DATETIME(6)  NOT NULL,
    remind_at            DATETIME(6)  NOT NULL,
    closes_at            DATETIME(6)  NOT NULL,
    roster_snapshot_id   BIGINT       NULL,
    item_count           INT          NOT NULL,
    closed_at            DATETIME(6)  NULL,
    report_html          MEDIUMTEXT   NULL,
    report_sha256        VARCHAR(64)  NULL,
    CONSTRAINT uq_ar_campaign_process UNIQUE (process_instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The scope frozen at campaign start: which snapshot of which system, with its checksum.
CREATE TABLE ar_campaign_snapshot (
    campaign_id  BIGINT       NOT NULL,
    snapshot_id  BIGINT       NOT NULL,
    system_id    VARCHAR(64)  NULL,
    kind         VARCHAR(20)  NOT NULL,
    checksum     VARCHAR(64)  NOT NULL,
    row_count    INT          NOT NULL,
    PRIMARY KEY (campaign_id, snapshot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_reviewer (
    campaign_id     BIGINT       NOT NULL,
    reviewer_id     VARCHAR(64)  NOT NULL,
    delegated_from  VARCHAR(64)  NULL,
    completed_at    DATETIME(6)  NULL,
    reminded_at     DATETIME(6)  NULL,
    escalated_at    DATETIME(6)  NULL,
    PRIMARY KEY (campaign_id, reviewer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One review of one entitlement by one reviewer; privileged entitlements have two (OWNER and SECOND).
CREATE TABLE ar_item (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id     BIGINT        NOT NULL,
    entitlement_id  BIGINT        NOT NULL,
    system_id       VARCHAR(64)   NOT NULL,
    account         VARCHAR(128)  NOT NULL,
    person_id       VARCHAR(64)   NULL,
    entitlement     VARCHAR(128)  NOT NULL,
    privileged      BOOLEAN       NOT NULL,
    last_login      DATE          NULL,
    flags           VARCHAR(200)  NOT NULL,
    review_role     VARCHAR(20)   NOT NULL,
    reviewer_id     VARCHAR(64)   NOT NULL,
    decision        VARCHAR(20)   NULL,
    reason          VARCHAR(1000) NULL,
    decided_by      VARCHAR(64)   NULL,
    decided_at      DATETIME(6)   NULL,
    exception       BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_ar_item_campaign FOREIGN KEY (campaign_id) REFERENCES ar_campaign (id),
    INDEX ix_ar_item_reviewer (campaign_id, reviewer_id),
    INDEX ix_ar_item_entitlement (campaign_id, entitlement_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_sign_off (
    campaign_id  BIGINT        NOT NULL,
    system_id    VARCHAR(64)   NOT NULL,
    signed_by    VARCHAR(64)   NOT NULL,
    signed_at    DATETIME(6)   NOT NULL,
    comment      VARCHAR(1000) NULL,
    PRIMARY KEY (campaign_id, system_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE ar_revocation (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id       BIGINT       NOT NULL,
    entitlement_id    BIGINT       NOT NULL,
    system_id         VARCHAR(64)  NOT NULL,
    account           VARCHAR(128) NOT NULL,
    entitlement       VARCHAR(128) NOT NULL,
    privileged        BOOLEAN      NOT NULL,
    decided_by        VARCHAR(64)  NOT NULL,
    decided_at        DATETIME(6)  NOT NULL,
    due_at            DATETIME(6)  NOT NULL,
    verify_by         DATETIME(6)  NOT NULL,
    deprovisioned_by  VARCHAR(64)  NULL,
    deprovisioned_at  DATETIME(6)  NULL,
    verification      VARCHAR(20)  NULL,
    verified_by       VARCHAR(64)  NULL,
    verified_at       DATETIME(6)  NULL,
    escalated_at      DATETIME(6)  NULL,
    CONSTRAINT uq_ar_revocation UNIQUE (campaign_id, entitlement_id),
    INDEX ix_ar_revocation_open (system_id, verified_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
