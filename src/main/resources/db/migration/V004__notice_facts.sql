-- What the prepared notice says (what happened, what to do, what is being done...), as the privacy office wrote it
-- in the "prepare the notice" step; encrypted, since it may describe patients.
ALTER TABLE notification_obligation ADD COLUMN notice_facts TEXT NULL;
