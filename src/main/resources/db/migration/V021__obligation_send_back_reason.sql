-- Why the approver sent a notice back to be prepared again ("Approve the notice", box unticked): shown to whoever
-- prepares it next. Free text about the notice's wording, so encrypted like the wording itself.
ALTER TABLE notification_obligation ADD COLUMN send_back_reason TEXT NULL AFTER notice_facts;
