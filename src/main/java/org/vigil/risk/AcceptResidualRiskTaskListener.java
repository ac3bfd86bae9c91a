package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ACCEPTANCE;
import static org.vigil.risk.RiskAssessmentVariables.ACCEPTANCE_NOTE;
import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.RISK_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AcceptResidualRisk. On create: assigned to the risk's owner, who alone may accept its residual risk (the CISO's
 * group sees it to follow it up). On complete: accepted, or refused back to treatment with the owner's reason; anyone
 * but the owner is refused with 403 naming the rule.
 */
@Component
class AcceptResidualRiskTaskListener extends RiskTaskListener {

    private final RiskAssessments assessments;

    AcceptResidualRiskTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void created(DelegateTask task) {
        task.setAssignee(assessments.ownerOf(RISK_ID.from(task)));
        assessments.acceptanceAsked(ASSESSMENT_ID.from(task));
    }

    @Override
    void completed(DelegateTask task) {
        assessments.decideAcceptance(ASSESSMENT_ID.from(task), RISK_ID.from(task), actingUser(task),
                text(task.getVariable(ACCEPTANCE.name())), text(task.getVariable(ACCEPTANCE_NOTE.name())));
        removeFormFields(task);
    }
}
