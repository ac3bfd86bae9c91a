package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_KIND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RequestAssessment of risk-assessment-quarterly-schedule.bpmn: starts risk-assessment.bpmn for the
 * quarterly review of the high-priority PHI assets. Safe to re-run: keyed by the schedule's instance.
 */
@Component
class RequestScheduledAssessmentDelegate implements JavaDelegate {

    private final RiskAssessmentProcess process;

    RequestScheduledAssessmentDelegate(RiskAssessmentProcess process) {
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        process.startScheduled(ASSESSMENT_KIND.from(execution), execution.getProcessInstanceId());
    }
}
