package org.vigil.breach;

import static org.vigil.platform.ProcessVariable.booleanVariable;
import static org.vigil.platform.ProcessVariable.intVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.mapVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;


import java.util.Map;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/breach-response.bpmn, the one place that spells their names: ids, decisions and counts,
 * never PHI. The model's expressions read them by these names ({@code ${patientDataInvolved}},
 * {@code ${notificationsRequired && openObligations > 0}}, {@code breachDates.containmentDue(severity, category)}).
 * The form fields the task listeners check (the investigation's facts, the assessment's rationales) are read with
 * {@link FormText} under the keys of their forms.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class BreachResponseVariables {

    private BreachResponseVariables() {}

    public static final ProcessVariable<Long> INCIDENT_ID = longVariable("incidentId");
    public static final ProcessVariable<String> REPORTED_BY = stringVariable("reportedBy");
    /**
     * Set (true) on the breach response of an exercise and on its notices' processes, which forms and the SLA registry
     * read ({@code exercise}); absent on a real incident's.
     */
    public static final ProcessVariable<Boolean> EXERCISE = booleanVariable("exercise");
    /** The decision table's result of Task_ClassifyIncident, removed once category and severity are taken from it. */
    static final ProcessVariable<Map<String, Object>> CLASSIFICATION = mapVariable("classification");
    static final ProcessVariable<String> CATEGORY = stringVariable("category");
    public static final ProcessVariable<String> SEVERITY = stringVariable("severity");
    /** The triage's answer that the gateway after the investigation reads. */
    static final ProcessVariable<Boolean> PATIENT_DATA_INVOLVED = booleanVariable("patientDataInvolved");
    static final ProcessVariable<Integer> ESTIMATED_AFFECTED = intVariable("estimatedAffected");
    static final ProcessVariable<Integer> AFFECTED_TOTAL = intVariable("affectedTotal");
    static final ProcessVariable<String> HIPAA_EXCEPTION = stringVariable("hipaaException");
    static final ProcessVariable<String> RISK_CONCLUSION = stringVariable("riskConclusion");
    static final ProcessVariable<Boolean> NOT_A_BREACH_APPROVED = booleanVariable("notABreachApproved");
    static final ProcessVariable<Boolean> NOTIFICATIONS_REQUIRED = booleanVariable("notificationsRequired");
    static final ProcessVariable<Integer> OBLIGATION_COUNT = intVariable("obligationCount");
    static final ProcessVariable<Long> OPEN_OBLIGATIONS = longVariable("openObligations");
}
