package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.CONTROLS;
import static org.vigil.risk.RiskAssessmentVariables.DESCRIPTION;
import static org.vigil.risk.RiskAssessmentVariables.RISK_ID;
import static org.vigil.risk.RiskAssessmentVariables.TREATMENT;

import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AnalyseRisk. On create: offered to the risk's owner beside the CISO's group, the catalogue's (or the
 * register's) controls filled in. On complete: the inherent and residual rating on the criteria, the treatment option
 * and the Annex A controls stored; the scenario encrypted; the fields removed from the process.
 */
@Component
class AnalyseRiskTaskListener extends RiskTaskListener {

    static final List<String> RATINGS = List.of(RiskAssessmentVariables.LIKELIHOOD, RiskAssessmentVariables.IMPACT_CONFIDENTIALITY,
            RiskAssessmentVariables.IMPACT_INTEGRITY, RiskAssessmentVariables.IMPACT_AVAILABILITY,
            RiskAssessmentVariables.IMPACT_PATIENT_SAFETY, RiskAssessmentVariables.RESIDUAL_LIKELIHOOD, RiskAssessmentVariables.RESIDUAL_IMPACT);

    private final RiskAssessments assessments;

    AnalyseRiskTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void created(DelegateTask task) {
        long riskId = RISK_ID.from(task);
        task.addCandidateUser(assessments.ownerOf(riskId));
        task.getExecution().setVariableLocal(CONTROLS.name(), assessments.suggestedControls(riskId));
    }

    @Override
    void completed(DelegateTask task) {
        var rating = new HashMap<String, Object>();
        RATINGS.forEach(field -> rating.put(field, task.getVariable(field)));
        assessments.analyse(ASSESSMENT_ID.from(task), RISK_ID.from(task), rating, text(task.getVariable(TREATMENT.name())),
                text(task.getVariable(CONTROLS.name())), text(task.getVariable(DESCRIPTION.name())));
        removeFormFields(task);
    }
}
