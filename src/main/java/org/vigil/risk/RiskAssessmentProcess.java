package org.vigil.risk;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.vigil.platform.ScheduledStarts;

/**
 * processes/risk-assessment.bpmn and its quarterly schedule: their ids and the starts. Public for the tests of other
 * packages, which name the public constants.
 */
@Component
public class RiskAssessmentProcess {

    public static final String KEY = "risk-assessment";
    public static final String QUARTERLY_SCHEDULE_KEY = "risk-assessment-quarterly-schedule";
    /** Camunda 7 allows no none start event beside a timer start: the CISO's start, the schedule's and the triggers' are this message. */
    public static final String Message_AssessmentRequested = "RiskAssessmentRequested";

    static final String StartEvent_AnnualAssessmentDue = "StartEvent_AnnualAssessmentDue";
    static final String Event_FirstWorkingDay = "Event_FirstWorkingDay";
    static final String StartEvent_AssessmentRequested = "StartEvent_AssessmentRequested";
    public static final String Task_OpenAssessment = "Task_OpenAssessment";
    static final String Gateway_ScopeNamed = "Gateway_ScopeNamed";
    public static final String Task_ConfirmScope = "Task_ConfirmScope";
    static final String SubProcess_AssessAsset = "SubProcess_AssessAsset";
    public static final String Task_IdentifyThreats = "Task_IdentifyThreats";
    public static final String Task_AnalyseRisk = "Task_AnalyseRisk";
    static final String SubProcess_TreatRisk = "SubProcess_TreatRisk";
    public static final String Task_PlanTreatment = "Task_PlanTreatment";
    public static final String Task_RaiseTreatmentActions = "Task_RaiseTreatmentActions";
    public static final String Task_AcceptResidualRisk = "Task_AcceptResidualRisk";
    public static final String Task_SignOff = "Task_SignOff";
    static final String EndEvent_AssessmentSignedOff = "EndEvent_AssessmentSignedOff";

    static final String StartEvent_QuarterlyReviewDue = "StartEvent_QuarterlyReviewDue";
    static final String Task_RequestAssessment = "Task_RequestAssessment";

    private final RuntimeService runtime;
    private final HistoryService history;

    RiskAssessmentProcess(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** Starts the assessment recorded as {@code assessmentId}, under the caller's authorizations. Returns the instance id. */
    String start(long assessmentId, String kind, String scope, String startedBy) {
        Map<String, Object> variables = new HashMap<>();
        RiskAssessmentVariables.ASSESSMENT_ID.put(variables, assessmentId);
        RiskAssessmentVariables.ASSESSMENT_KIND.put(variables, kind);
        RiskAssessmentVariables.SCOPE.put(variables, scope);
        RiskAssessmentVariables.STARTED_BY.put(variables, startedBy);
        return runtime.createMessageCorrelation(Message_AssessmentRequested).setVariables(variables).correlateStartMessage().getId();
    }

    /** Starts the assessment of {@code kind} for the schedule's instance {@code scheduledBy}, once. */
    String startScheduled(String kind, String scheduledBy) {
        Map<String, Object> variables = new HashMap<>();
        RiskAssessmentVariables.ASSESSMENT_KIND.put(variables, kind);
        return ScheduledStarts.startOnce(runtime, history, KEY, Message_AssessmentRequested,
                RiskAssessmentVariables.SCHEDULED_BY.name(), scheduledBy, variables);
    }
}
