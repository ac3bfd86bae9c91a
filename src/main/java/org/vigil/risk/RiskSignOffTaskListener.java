package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.SIGN_OFF;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_SignOff, on complete: the CISO signs the assessment off; the register's assets are assessed as of now. */
@Component
class RiskSignOffTaskListener extends RiskTaskListener {

    private final RiskAssessments assessments;

    RiskSignOffTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void completed(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(SIGN_OFF.name()))) {
            throw new IllegalArgumentException("signOff: tick it to sign the assessment off");
        }
        assessments.signOff(ASSESSMENT_ID.from(task), actingUser(task));
    }
}
