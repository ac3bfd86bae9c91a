-- Management reviews (issue 19, ISO 27001 clause 9.3): the quarterly management review, the monthly security review
-- and the annual ISMS review, each with its input pack (the capabilities' inputs as read, frozen when the meeting is
-- held; the people's own inputs), its meeting (chair, attendees, minutes), decisions (each a corrective or improvement
-- action) and amendments appended after the chair's sign-off. Free text typed by people is stored encrypted. Nothing
-- of a signed-off review changes but its amendments, appended (enforced by the service). Kept at least six years.

CREATE TABLE management_review (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id  VARCHAR(64)   NOT NULL,
    kind                 VARCHAR(20)   NOT NULL,   -- quarterly | monthly | annual
    period_from          DATETIME(6)   NOT NULL,   -- [from, to) in the company zone
    period_to            DATETIME(6)   NOT NULL,
    period_label         VARCHAR(20)   NOT NULL,   -- 2026-Q3, 2026-10, 2026
    status               VARCHAR(20)   NOT NULL,   -- PREPARATION, SIGN_OFF, SIGNED_OFF
    meeting_due          DATETIME(6)   NOT NULL,   -- planned: the preparation tasks are due some working days before
    chair                VARCHAR(64)   NULL,
    meeting_at           DATETIME(6)   NULL,
    attendees            VARCHAR(2000) NULL,       -- user ids or names of roles, comma-separated
    minutes              TEXT          NULL,       -- encrypted
    created_by           VARCHAR(64)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    frozen_at            DATETIME(6)   NULL,
    signed_off_at        DATETIME(6)   NULL,
    signed_off_by        VARCHAR(64)   NULL,
    document_sha256      VARCHAR(64)   NULL,       -- of the PDF rendered at sign-off
    document_rendered_at DATETIME(6)   NULL,
    CONSTRAINT uq_management_review_process UNIQUE (process_instance_id),
    INDEX ix_management_review_kind (kind, period_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The pack: one row per input. A capability's input (source = the capability) holds the ReviewInput as read, as JSON,
-- with the figures of the three periods before for the charts; re-read until the meeting, then frozen. A people's
-- input (source = people) holds what its owner group entered, encrypted, with who and when.
CREATE TABLE management_review_input (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id          BIGINT        NOT NULL,
    input_key          VARCHAR(64)   NOT NULL,
    source             VARCHAR(20)   NOT NULL,    -- capability | people
    input_json         LONGTEXT      NULL,        -- ReviewInput, ids, codes and counts only
    trend_json         LONGTEXT      NULL,        -- the same figures for the previous periods, oldest first
    read_at            DATETIME(6)   NULL,
    frozen             BOOLEAN       NOT NULL DEFAULT FALSE,
    statement          TEXT          NULL,        -- encrypted: a people's input
    owner_group        VARCHAR(64)   NULL,
    entered_by         VARCHAR(64)   NULL,
    entered_at         DATETIME(6)   NULL,
    CONSTRAINT fk_management_review_input_review FOREIGN KEY (review_id) REFERENCES management_review (id),
    CONSTRAINT uq_management_review_input UNIQUE (review_id, input_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The meeting's decisions (ISO 27001 9.3.3 outputs): each becomes an action of the corrective-action capability.
CREATE TABLE management_review_decision (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id            BIGINT        NOT NULL,
    position             INT           NOT NULL,   -- 1, 2, ...: the action's source reference review:<id>:decision:<n>
    text                 TEXT          NOT NULL,   -- encrypted
    owner_group          VARCHAR(64)   NOT NULL,
    owner                VARCHAR(64)   NULL,
    due_date             DATE          NOT NULL,
    corrective_action_id BIGINT        NULL,
    CONSTRAINT fk_management_review_decision_review FOREIGN KEY (review_id) REFERENCES management_review (id),
    CONSTRAINT uq_management_review_decision UNIQUE (review_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Amendments to a signed-off review: appended, never changed.
CREATE TABLE management_review_amendment (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id          BIGINT        NOT NULL,
    text               TEXT          NOT NULL,     -- encrypted
    why                TEXT          NOT NULL,     -- encrypted
    amended_by         VARCHAR(64)   NOT NULL,
    amended_at         DATETIME(6)   NOT NULL,
    CONSTRAINT fk_management_review_amendment_review FOREIGN KEY (review_id) REFERENCES management_review (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
