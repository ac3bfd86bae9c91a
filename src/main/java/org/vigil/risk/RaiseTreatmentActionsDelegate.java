package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.RISK_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RaiseTreatmentActions: the risk's planned actions raised as corrective actions. Safe to re-run. */
@Component
class RaiseTreatmentActionsDelegate implements JavaDelegate {

    private final RiskAssessments assessments;

    RaiseTreatmentActionsDelegate(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessments.raiseActions(ASSESSMENT_ID.from(execution), RISK_ID.from(execution));
    }
}
