-- What IT operations did to contain the incident, in their words ("Contain the incident"): stored encrypted, as
-- free text may name people or hosts that identify them; the post-incident review and the auditors read it.
ALTER TABLE incident ADD COLUMN containment_summary TEXT NULL AFTER contained_at;
