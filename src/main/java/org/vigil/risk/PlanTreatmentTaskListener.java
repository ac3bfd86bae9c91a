package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ACTIONS;
import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.RESIDUAL_IMPACT;
import static org.vigil.risk.RiskAssessmentVariables.RESIDUAL_LIKELIHOOD;
import static org.vigil.risk.RiskAssessmentVariables.RISK_ID;
import static org.vigil.risk.RiskAssessmentVariables.TREATMENT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;
import org.vigil.risk.RiskAssessments.PlannedAction;

/**
 * Task_PlanTreatment. On create: offered to the risk's owner beside the CISO's group, the analysis's option and
 * residual rating filled in. On complete: the actions added to the plan (encrypted), the residual rating they leave;
 * the next step raises them as corrective actions.
 */
@Component
class PlanTreatmentTaskListener extends RiskTaskListener {

    private final RiskAssessments assessments;

    PlanTreatmentTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void created(DelegateTask task) {
        long riskId = RISK_ID.from(task);
        var risk = assessments.risk(riskId);
        task.addCandidateUser(risk.ownerId());
        task.getExecution().setVariableLocal(TREATMENT.name(), risk.treatment());
        task.getExecution().setVariableLocal(RESIDUAL_LIKELIHOOD, risk.residualLikelihood() == null ? null : String.valueOf(risk.residualLikelihood()));
        task.getExecution().setVariableLocal(RESIDUAL_IMPACT, risk.residualImpact() == null ? null : String.valueOf(risk.residualImpact()));
    }

    @Override
    void completed(DelegateTask task) {
        List<PlannedAction> planned = new ArrayList<>();
        for (var row : JsonListVariables.rows(task, ACTIONS)) {
            planned.add(new PlannedAction(text(row.get("text")), text(row.get("ownerGroup")), text(row.get("owner")), text(row.get("dueDate"))));
        }
        var residual = new HashMap<String, Object>();
        residual.put(RESIDUAL_LIKELIHOOD, task.getVariable(RESIDUAL_LIKELIHOOD));
        residual.put(RESIDUAL_IMPACT, task.getVariable(RESIDUAL_IMPACT));
        assessments.plan(ASSESSMENT_ID.from(task), RISK_ID.from(task), text(task.getVariable(TREATMENT.name())), residual, planned,
                actingUser(task));
        removeFormFields(task);
    }
}
