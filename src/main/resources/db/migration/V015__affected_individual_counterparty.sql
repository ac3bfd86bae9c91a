-- Whose data a listed person is: the counterparty id of an agreement (seeds/breach/agreements.yaml) whose data the
-- company holds as business associate or processor, NULL for the company's own. A counterparty's notice lists only
-- its people. Not identifying on its own (the person stays encrypted in its own column), so it is kept plain to count
-- and select by.
ALTER TABLE affected_individual ADD COLUMN counterparty VARCHAR(100) NULL;
CREATE INDEX ix_affected_individual_counterparty ON affected_individual (owner_ref, counterparty, seq);
