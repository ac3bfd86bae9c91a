package org.vigil.risk;

import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_ID;
import static org.vigil.risk.RiskAssessmentVariables.ASSESSMENT_KIND;
import static org.vigil.risk.RiskAssessmentVariables.ASSET_IDS;
import static org.vigil.risk.RiskAssessmentVariables.SCOPE;
import static org.vigil.risk.RiskAssessmentVariables.SCOPE_NAMED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_OpenAssessment: the assessment of this instance (recorded now for the yearly timer's start), and
 * the assets proposed for the CISO's scope unless the start named them. Safe to re-run: keyed by the instance.
 */
@Component
class OpenAssessmentDelegate implements JavaDelegate {

    private final RiskAssessments assessments;

    OpenAssessmentDelegate(RiskAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String kind = ASSESSMENT_KIND.isSetOn(execution) ? ASSESSMENT_KIND.from(execution) : "annual";
        var opened = assessments.open(execution.getProcessInstanceId(), ASSESSMENT_ID.isSetOn(execution) ? ASSESSMENT_ID.from(execution) : null,
                kind, SCOPE.isSetOn(execution) ? SCOPE.from(execution) : null);
        ASSESSMENT_ID.set(execution, opened.assessmentId());
        ASSESSMENT_KIND.set(execution, kind);
        SCOPE_NAMED.set(execution, opened.scopeNamed());
        ASSET_IDS.set(execution, opened.proposedAssetIds());
    }
}
