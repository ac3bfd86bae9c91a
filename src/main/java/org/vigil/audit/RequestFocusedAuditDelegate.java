package org.vigil.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RequestFocusedAudit of focused-audit-schedule.bpmn: starts the quarter's focused audit
 * (internal-audit.bpmn). Safe to re-run: keyed by the schedule's instance.
 */
@Component
class RequestFocusedAuditDelegate implements JavaDelegate {

    private final InternalAuditProcess process;

    RequestFocusedAuditDelegate(InternalAuditProcess process) {
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        process.startScheduled("focused", execution.getProcessInstanceId());
    }
}
