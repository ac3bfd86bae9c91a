-- When Vigil started the de-provisioning process of a revocation: claimed once, so the reviewer's hand-over and the
-- close of the reviews (which may run at the same time) never start it twice, nor again after its removal was verified.
ALTER TABLE ar_revocation ADD COLUMN process_started_at DATETIME(6) NULL;
