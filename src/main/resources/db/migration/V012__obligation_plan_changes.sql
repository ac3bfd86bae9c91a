-- A duty the plan no longer finds waits for the privacy office to confirm its withdrawal (or to keep it); a duty
-- planned from the report's first facts, before the assessment, is provisional until the assessment's plan takes
-- it over or drops it; the time the current deadline was set keeps reminders from firing at the moment of planning.
ALTER TABLE notification_obligation
    ADD COLUMN provisional            BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN dates_set_at           DATETIME(6)  NULL,
    ADD COLUMN withdrawal_proposed_at DATETIME(6)  NULL,
    ADD COLUMN withdrawal_reason      TEXT         NULL,
    ADD COLUMN withdrawn_at           DATETIME(6)  NULL,
    ADD COLUMN withdrawn_by           VARCHAR(64)  NULL,
    ADD COLUMN kept_at                DATETIME(6)  NULL,
    ADD COLUMN kept_by                VARCHAR(64)  NULL;
UPDATE notification_obligation SET dates_set_at = planned_at WHERE dates_set_at IS NULL;
ALTER TABLE notification_obligation MODIFY dates_set_at DATETIME(6) NOT NULL;

-- Whether the uploaded list of the affected is the whole list: only a complete list may lower the estimate.
ALTER TABLE incident ADD COLUMN affected_list_complete BOOLEAN NOT NULL DEFAULT FALSE;
