package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDITEE_GROUP;
import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RemindAuditee: mails the auditee group before its response is due. Safe to re-run: one mail per key. */
@Component
class RemindAuditeeDelegate implements JavaDelegate {

    private final AuditReminders reminders;

    RemindAuditeeDelegate(AuditReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remindAuditee(AUDIT_ID.from(execution), AUDITEE_GROUP.from(execution));
    }
}
