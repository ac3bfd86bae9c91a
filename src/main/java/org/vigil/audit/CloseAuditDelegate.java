package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseAudit: the audit's record becomes read-only. Safe to re-run. */
@Component
class CloseAuditDelegate implements JavaDelegate {

    private final Audits audits;

    CloseAuditDelegate(Audits audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        audits.close(AUDIT_ID.from(execution));
    }
}
