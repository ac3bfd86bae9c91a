package org.vigil.risk;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import java.util.List;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/risk-assessment.bpmn and its quarterly schedule, the one place that spells their names:
 * ids, kinds, codes and ratings only. What people type about a risk (its scenario, the treatment actions, an
 * acceptance note: {@code phi*} fields) is stored encrypted in the register and removed from the process.
 */
public final class RiskAssessmentVariables {

    private RiskAssessmentVariables() {}

    public static final ProcessVariable<Long> ASSESSMENT_ID = longVariable("assessmentId");
    /** annual | quarterly | manual | triggered. */
    public static final ProcessVariable<String> ASSESSMENT_KIND = stringVariable("assessmentKind");
    /** all | high-priority | phi | named: which assets the assessment proposes (named: the start named them, no scope step). */
    static final ProcessVariable<String> SCOPE = stringVariable("scope");
    static final ProcessVariable<Boolean> SCOPE_NAMED = booleanVariable("scopeNamed");
    static final ProcessVariable<String> STARTED_BY = stringVariable("startedBy");
    /** The schedule instance that started this assessment: a re-run of its job starts no second one. */
    static final ProcessVariable<String> SCHEDULED_BY = stringVariable("scheduledBy");
    /** The multi-instance elements: an asset of the scope, a risk of the assessment. */
    static final ProcessVariable<String> ASSET_ID = stringVariable("assetId");
    static final ProcessVariable<Long> RISK_ID = longVariable("riskId");

    // forms/risk-assessment-scope.form
    static final ProcessVariable<String> ASSET_IDS = stringVariable("assetIds");
    // forms/risk-assessment-identify.form
    static final ProcessVariable<String> THREAT_IDS = stringVariable("threatIds");
    // forms/risk-assessment-analyse.form (the ratings are selects of 1..5, submitted as strings or numbers)
    static final String LIKELIHOOD = "likelihood";
    static final String IMPACT_CONFIDENTIALITY = "impactConfidentiality";
    static final String IMPACT_INTEGRITY = "impactIntegrity";
    static final String IMPACT_AVAILABILITY = "impactAvailability";
    static final String IMPACT_PATIENT_SAFETY = "impactPatientSafety";
    static final String RESIDUAL_LIKELIHOOD = "residualLikelihood";
    static final String RESIDUAL_IMPACT = "residualImpact";
    static final ProcessVariable<String> TREATMENT = stringVariable("treatment");
    static final ProcessVariable<String> CONTROLS = stringVariable("controls");
    static final ProcessVariable<String> DESCRIPTION = stringVariable("phiDescription");
    // forms/risk-assessment-treat.form: the actions, a dynamic list (text, ownerGroup)
    static final String ACTIONS = "phiActions";
    // forms/risk-assessment-accept.form
    static final ProcessVariable<String> ACCEPTANCE = stringVariable("acceptance");
    static final ProcessVariable<String> ACCEPTANCE_NOTE = stringVariable("phiAcceptanceNote");
    // forms/risk-assessment-sign-off.form
    static final ProcessVariable<Boolean> SIGN_OFF = booleanVariable("signOff");

    /** What a completed analysis or plan leaves behind in the process: removed, so the next risk's form starts empty. */
    static final List<String> FORM_FIELDS = List.of(LIKELIHOOD, IMPACT_CONFIDENTIALITY, IMPACT_INTEGRITY, IMPACT_AVAILABILITY,
            IMPACT_PATIENT_SAFETY, RESIDUAL_LIKELIHOOD, RESIDUAL_IMPACT, "treatment", "controls", "phiDescription", ACTIONS,
            "acceptance", "phiAcceptanceNote", "threatIds");
}
