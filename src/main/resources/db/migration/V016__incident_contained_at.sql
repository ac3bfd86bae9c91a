-- When containment ended, as IT operations record it in "Contain the incident": the time to contain runs from the
-- discovery to this moment, not to the moment the task was completed in Tasklist.
ALTER TABLE incident ADD COLUMN contained_at DATETIME(6) NULL AFTER discovered_at;
