package org.vigil.accessreview;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * processes/access-review.bpmn: its ids, variables, and the manual start.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class AccessReviewProcess {

    public static final String KEY = "access-review";
    static final String StartEvent_QuarterStarted = "StartEvent_QuarterStarted";
    static final String StartEvent_ReviewRequested = "StartEvent_ReviewRequested";
    static final String Event_FirstWorkingDay = "Event_FirstWorkingDay";
    static final String Task_OpenCampaign = "Task_OpenCampaign";
    static final String SubProcess_Review = "SubProcess_Review";
    static final String Task_ReviewAccess = "Task_ReviewAccess";
    static final String BoundaryEvent_ReminderDue = "BoundaryEvent_ReminderDue";
    static final String BoundaryEvent_ReviewOverdue = "BoundaryEvent_ReviewOverdue";
    static final String BoundaryEvent_ReviewWindowClosed = "BoundaryEvent_ReviewWindowClosed";
    static final String Task_SendReminder = "Task_SendReminder";
    static final String Task_EscalateOverdueReview = "Task_EscalateOverdueReview";
    static final String Task_RequestDeprovisioning = "Task_RequestDeprovisioning";
    static final String Task_CloseReviews = "Task_CloseReviews";
    static final String Task_SignOffSystem = "Task_SignOffSystem";
    static final String Task_PublishReport = "Task_PublishReport";
    static final String EndEvent_CampaignClosed = "EndEvent_CampaignClosed";
    static final String Task_CloseEmptyCampaign = "Task_CloseEmptyCampaign";
    static final String EndEvent_NothingToReview = "EndEvent_NothingToReview";
    static final String EndEvent_StartRefused = "EndEvent_StartRefused";
    static final String Error_NotAllowedToStart = "Error_NotAllowedToStart";
    /** Camunda 7 allows no none start event beside a timer start: the manual start is this message. */
    public static final String Message_AccessReviewRequested = "AccessReviewRequested";


    private final RuntimeService runtime;

    AccessReviewProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts a campaign by hand, under the caller's authorizations. */
    String start(String startedBy, boolean changesOnly, String systemIds) {
        Map<String, Object> variables = new HashMap<>();
        AccessReviewVariables.STARTED_BY.put(variables, startedBy);
        AccessReviewVariables.CHANGES_ONLY.put(variables, changesOnly);
        AccessReviewVariables.SYSTEM_IDS.put(variables, systemIds);
        return runtime.createMessageCorrelation(Message_AccessReviewRequested).setVariables(variables)
                .correlateStartMessage().getId();
    }
}
