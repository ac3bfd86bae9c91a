package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.ASSET_IDS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_ConfirmScope, on complete: the CISO's assets become the assessment's scope. */
@Component
class ConfirmScopeTaskListener extends RiskTaskListener {

    private final RiskAssessments assessments;

    ConfirmScopeTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void completed(DelegateTask task) {
        var ids = assessments.confirmScope(ASSESSMENT_ID.from(task), text(task.getVariable(ASSET_IDS.name())));
        task.getExecution().setVariable(ASSET_IDS.name(), String.join(", ", ids));
    }
}
