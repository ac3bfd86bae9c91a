package org.vigil.correctiveaction;

import static org.vigil.platform.ProcessVariable.dateVariable;
import static org.vigil.platform.ProcessVariable.intVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import java.util.Date;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/corrective-action.bpmn, the one place that spells their names: ids, codes, dates and
 * counts only. The model reads {@code ${actionId}}, {@code ${severity}}, {@code ${ownerGroup}}, {@code ${checkerGroup}},
 * {@code ${dueAt}}, {@code ${remindAt}}, {@code ${effectivenessCheckAt}} and {@code ${verdict}}. What people type goes
 * into {@code phi*} fields, which the task listeners store encrypted in the action's row and remove.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class CorrectiveActionVariables {

    private CorrectiveActionVariables() {}

    public static final ProcessVariable<Long> ACTION_ID = longVariable("actionId");
    public static final ProcessVariable<String> SEVERITY = stringVariable("severity");
    static final ProcessVariable<String> OWNER_GROUP = stringVariable("ownerGroup");
    static final ProcessVariable<String> CHECKER_GROUP = stringVariable("checkerGroup");
    static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt");
    static final ProcessVariable<Date> REMIND_AT = dateVariable("remindAt");
    static final ProcessVariable<Date> EFFECTIVENESS_CHECK_AT = dateVariable("effectivenessCheckAt");
    static final ProcessVariable<Integer> REOPEN_COUNT = intVariable("reopenCount");

    // forms/corrective-action-correct.form
    public static final ProcessVariable<String> CORRECTION_MADE = stringVariable("correctionMade");
    public static final String PHI_CORRECTION = "phiCorrection";
    // forms/corrective-action-analyse.form
    public static final String PHI_ROOT_CAUSE = "phiRootCause";
    public static final ProcessVariable<String> ROOT_CAUSE_METHOD = stringVariable("rootCauseMethod");
    public static final ProcessVariable<String> SIMILAR_ELSEWHERE = stringVariable("similarElsewhere");
    public static final String PHI_SIMILAR_WHERE = "phiSimilarWhere";
    // forms/corrective-action-plan.form
    public static final String PHI_ACTION_PLAN = "phiActionPlan";
    public static final ProcessVariable<String> ACTION_OWNER = stringVariable("actionOwner");
    public static final ProcessVariable<String> PLAN_DUE_DATE = stringVariable("planDueDate");
    public static final String PHI_LATER_DUE_REASON = "phiLaterDueReason";
    // forms/corrective-action-implement.form
    public static final String PHI_EVIDENCE = "phiEvidence";
    public static final String PHI_EVIDENCE_LINKS = "phiEvidenceLinks";
    // forms/corrective-action-check.form
    public static final ProcessVariable<String> VERDICT = stringVariable("verdict");
    public static final String PHI_EFFECTIVENESS_NOTES = "phiEffectivenessNotes";
}
