package org.vigil.audit;

import static org.vigil.audit.InternalAuditVariables.AUDIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/** Service task Task_RenderFinalReport: the final report's version, with the auditees' responses. Safe to re-run. */
@Component
class RenderFinalReportDelegate implements JavaDelegate {

    private final AuditReports reports;

    RenderFinalReportDelegate(AuditReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.render(AUDIT_ID.from(execution), "final", Actors.VIGIL);
    }
}
