package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.REPORT_APPROVED;
import static org.vigil.audit.InternalAuditVariables.REPORT_FINDINGS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;

/**
 * Task_FinalizeReport. On create the task goes to the lead auditor and the form lists every finding and the
 * auditees' responses; on complete the lead auditor's approval is required before the final version is rendered.
 */
@Component
class FinalizeReportTaskListener extends AuditTaskListener {

    static final String RESPONSES = "auditResponses";
    private final Audits audits;

    FinalizeReportTaskListener(Audits audits) {
        this.audits = audits;
    }

    @Override
    void act(DelegateTask task) {
        long auditId = AUDIT_ID.from(task);
        if (creating(task)) {
            task.setAssignee(audits.audit(auditId).leadAuditor());
            JsonListVariables.setLocal(task.getExecution(), REPORT_FINDINGS, audits.findingRows(auditId, null));
            JsonListVariables.setLocal(task.getExecution(), RESPONSES, audits.responseRows(auditId));
            return;
        }
        audits.openAudit(auditId);
        if (!Boolean.TRUE.equals(REPORT_APPROVED.from(task))) {
            throw new IllegalArgumentException("reportApproved: approve the report to make it final");
        }
        REPORT_APPROVED.remove(task.getExecution());
        task.getExecution().removeVariable(REPORT_FINDINGS);
        task.getExecution().removeVariable(RESPONSES);
    }
}
