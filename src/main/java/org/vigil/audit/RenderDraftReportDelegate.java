package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;
import static org.vigil.audit.InternalAuditVariables.FINDING_COUNT;
import static org.vigil.audit.InternalAuditVariables.RESPONSE_DUE_AT;
import static org.vigil.audit.InternalAuditVariables.RESPONSE_REMIND_AT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/** Service task Task_RenderDraftReport: the draft report's version, and when the auditees' responses are due. Safe to re-run. */
@Component
class RenderDraftReportDelegate implements JavaDelegate {

    private final Audits audits;
    private final AuditReports reports;

    RenderDraftReportDelegate(Audits audits, AuditReports reports) {
        this.audits = audits;
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long auditId = AUDIT_ID.from(execution);
        var due = audits.setResponseDue(auditId);
        reports.render(auditId, "draft", Actors.VIGIL);
        FINDING_COUNT.set(execution, audits.findingCount(auditId));
        RESPONSE_DUE_AT.set(execution, Date.from(due[0]));
        RESPONSE_REMIND_AT.set(execution, Date.from(due[1]));
    }
}
