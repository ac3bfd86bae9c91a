-- An obligation is the duty of one catalog rule (or one agreement) in one jurisdiction. Keyed by recipient and
-- jurisdiction, two duties to the same recipient (HIPAA 164.404(a) and the substitute notice of 164.404(d)(2), two
-- sections of one state's statute) collapsed into one. Rows planned before this know no rule: they keep a legacy
-- id until the next plan adopts them.
ALTER TABLE notification_obligation ADD COLUMN rule_id VARCHAR(100) NULL AFTER incident_id;
UPDATE notification_obligation SET rule_id = CONCAT('legacy:', recipient) WHERE rule_id IS NULL;
ALTER TABLE notification_obligation MODIFY rule_id VARCHAR(100) NOT NULL;
ALTER TABLE notification_obligation ADD CONSTRAINT uq_obligation_rule UNIQUE (incident_id, rule_id, jurisdiction);
ALTER TABLE notification_obligation DROP INDEX uq_obligation_duty;
