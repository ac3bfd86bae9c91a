-- The dashboard shows an obligation and the step its task is at as one row: it finds a deadline's fellows of the
-- same process instance, so that lookup must not scan the registry.
CREATE INDEX ix_deadline_instance ON deadline_entry (process_instance_id, source_type, status);
