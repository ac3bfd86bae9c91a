package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDITEE_GROUP;
import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_EscalateOverdueResponse: tells the CISO and the auditors a response is overdue. Safe to re-run. */
@Component
class EscalateOverdueResponseDelegate implements JavaDelegate {

    private final AuditReminders reminders;

    EscalateOverdueResponseDelegate(AuditReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.escalateOverdueResponse(AUDIT_ID.from(execution), AUDITEE_GROUP.from(execution));
    }
}
