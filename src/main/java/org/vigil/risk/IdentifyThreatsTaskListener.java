package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.ASSET_ID;
import static org.vigil.risk.RiskAssessmentVariables.THREAT_IDS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_IdentifyThreats. On create: offered to the asset's owner beside the CISO's group (the owner knows the system,
 * the CISO the catalogue; either may identify), with the catalogue's threats for its classification filled in. On
 * complete: a risk per threat kept or added.
 */
@Component
class IdentifyThreatsTaskListener extends RiskTaskListener {

    private final RiskAssessments assessments;

    IdentifyThreatsTaskListener(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    void created(DelegateTask task) {
        String assetId = ASSET_ID.from(task);
        task.addCandidateUser(assessments.asset(assetId).ownerId());
        task.getExecution().setVariableLocal(THREAT_IDS.name(), assessments.proposedThreats(assetId));
    }

    @Override
    void completed(DelegateTask task) {
        assessments.identify(ASSESSMENT_ID.from(task), ASSET_ID.from(task), text(task.getVariable(THREAT_IDS.name())));
        removeFormFields(task);
    }
}
