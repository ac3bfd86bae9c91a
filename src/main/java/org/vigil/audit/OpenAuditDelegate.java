package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_AREAS;
import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.AUDIT_KIND;
import static org.vigil.audit.InternalAuditVariables.STARTED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_OpenAudit: records the audit with its scope. Safe to re-run: keyed by the instance. */
@Component
class OpenAuditDelegate implements JavaDelegate {

    private final Audits audits;

    OpenAuditDelegate(Audits audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = audits.open(execution.getProcessInstanceId(), AUDIT_KIND.from(execution), STARTED_BY.from(execution),
                AUDIT_AREAS.from(execution));
        AUDIT_ID.set(execution, auditId);
        if (!AUDIT_KIND.isSetOn(execution)) {
            AUDIT_KIND.set(execution, audits.audit(auditId).kind());
        }
    }
}
