-- Corrections of a recorded dispatch. The dispatch as first recorded (sent_at, channel, proof on the obligation) is
-- never overwritten; each correction is a row of its own with who, when and why, and the dispatch as it stands after
-- it (the values it corrects and those it leaves as they were). The reason may cite patient data: encrypted.
CREATE TABLE dispatch_correction (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    obligation_id  BIGINT        NOT NULL,
    corrected_by   VARCHAR(64)   NOT NULL,
    corrected_at   DATETIME(6)   NOT NULL,
    reason         TEXT          NOT NULL,
    sent_at        DATETIME(6)   NOT NULL,
    channel        VARCHAR(100)  NOT NULL,
    proof          TEXT          NULL,
    CONSTRAINT fk_dispatch_correction_obligation FOREIGN KEY (obligation_id) REFERENCES notification_obligation (id),
    INDEX ix_dispatch_correction_obligation (obligation_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
