package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.OPEN_FINDINGS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RaiseActions: a corrective action per nonconformity, an improvement action per observation or
 * opportunity the auditor marked. Safe to re-run: actions are keyed by their finding.
 */
@Component
class RaiseActionsDelegate implements JavaDelegate {

    private final Audits audits;

    RaiseActionsDelegate(Audits audits) {
        this.audits = audits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OPEN_FINDINGS.set(execution, audits.raiseActions(AUDIT_ID.from(execution), null));
    }
}
