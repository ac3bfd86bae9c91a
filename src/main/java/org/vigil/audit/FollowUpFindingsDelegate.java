package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_FollowUpFindings: the monthly reminder of the audit's open findings. Safe to re-run: one mail a month. */
@Component
class FollowUpFindingsDelegate implements JavaDelegate {

    private final AuditReminders reminders;

    FollowUpFindingsDelegate(AuditReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.followUp(AUDIT_ID.from(execution));
    }
}
