-- Print batches at rest: the manifest's checksum beside the archive's, when the letters were dispatched, and when
-- their files were purged (vigil.documents.purge-after after the dispatch). The row, with checksums and counts,
-- stays as evidence as long as the breach record.
ALTER TABLE letter_batch
    ADD COLUMN manifest_sha256 VARCHAR(64) NULL,
    ADD COLUMN dispatched_at   DATETIME(6) NULL,
    ADD COLUMN purged_at       DATETIME(6) NULL,
    ADD INDEX ix_letter_batch_purge (purged_at, dispatched_at);

-- Letters whose dispatch was recorded before this version: the obligation's recorded dispatch is theirs.
UPDATE letter_batch b
    JOIN notification_obligation o ON b.owner_ref = CONCAT('obligation:', o.id)
    SET b.dispatched_at = o.sent_at
    WHERE o.sent_at IS NOT NULL;
