-- The people a breach affected, one row each, their contact details encrypted (AES-256-GCM, key id in the value):
-- uploaded as CSV, replaced as a whole, read in order by the letter batch.
CREATE TABLE affected_individual (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_ref      VARCHAR(100)  NOT NULL,
    seq            INT           NOT NULL,
    jurisdiction   VARCHAR(20)   NOT NULL,
    contact_valid  BOOLEAN       NOT NULL,
    person         TEXT          NOT NULL,
    CONSTRAINT uq_affected_seq UNIQUE (owner_ref, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A mail-merge batch: letters rendered in parts of a fixed size, so a batch resumes at its first unfinished part;
-- it writes to the people of its jurisdiction on the list (US: every US state; US-TX: Texas only).
CREATE TABLE letter_batch (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_ref      VARCHAR(100)  NOT NULL,
    recipients_ref VARCHAR(100)  NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    jurisdiction   VARCHAR(20)   NOT NULL,
    format         VARCHAR(10)   NOT NULL,
    facts          TEXT          NOT NULL,
    total          INT           NOT NULL,
    done           INT           NOT NULL,
    part_size      INT           NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    directory      VARCHAR(500)  NOT NULL,
    archive_sha256 VARCHAR(64)   NULL,
    error          VARCHAR(500)  NULL,
    created_at     DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_letter_batch_owner (owner_ref, id),
    INDEX ix_letter_batch_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
