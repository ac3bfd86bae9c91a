-- Mail you can trust (issue 16): the outbox is its own retry queue. A due-time poller takes rows whose
-- next_attempt_at has come (FOR UPDATE SKIP LOCKED, so two nodes never take the same row), backs off after each
-- failure and gives up after vigil.notification.max-attempts (failed_at). Sent and failed rows have no next attempt.
ALTER TABLE outbound_mail
    ADD COLUMN next_attempt_at DATETIME(6)  NULL AFTER attempts,
    ADD COLUMN last_attempt_at DATETIME(6)  NULL AFTER next_attempt_at,
    ADD COLUMN last_error      VARCHAR(500) NULL AFTER last_attempt_at,
    ADD COLUMN failed_at       DATETIME(6)  NULL AFTER last_error;

-- What was waiting for Spring Modulith's resubmission is now due at once.
UPDATE outbound_mail SET next_attempt_at = queued_at WHERE sent_at IS NULL;

CREATE INDEX ix_outbound_mail_due ON outbound_mail (next_attempt_at);

-- Retries no longer go through the event publication registry: its leftover mail events name a class that is gone.
DELETE FROM EVENT_PUBLICATION WHERE EVENT_TYPE = 'org.vigil.notification.MailQueued';
