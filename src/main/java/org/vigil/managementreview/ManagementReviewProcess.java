package org.vigil.managementreview;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.vigil.platform.ScheduledStarts;

/**
 * processes/management-review.bpmn and its schedules: their ids and the starts. Public for the tests of other
 * packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class ManagementReviewProcess {

    public static final String KEY = "management-review";
    static final String StartEvent_QuarterlyReviewDue = "StartEvent_QuarterlyReviewDue";
    static final String Event_FirstWorkingDayQuarterly = "Event_FirstWorkingDayQuarterly";
    static final String StartEvent_ReviewRequested = "StartEvent_ReviewRequested";
    static final String Task_OpenReview = "Task_OpenReview";
    static final String EndEvent_PeriodAlreadyReviewed = "EndEvent_PeriodAlreadyReviewed";
    static final String SubProcess_PrepareInputs = "SubProcess_PrepareInputs";
    static final String Task_PrepareInput = "Task_PrepareInput";
    static final String BoundaryEvent_PreparationReminderDue = "BoundaryEvent_PreparationReminderDue";
    static final String BoundaryEvent_PreparationOverdue = "BoundaryEvent_PreparationOverdue";
    static final String Task_RemindPreparer = "Task_RemindPreparer";
    static final String Task_EscalateOverduePreparation = "Task_EscalateOverduePreparation";
    static final String Task_HoldMeeting = "Task_HoldMeeting";
    static final String Task_FreezePack = "Task_FreezePack";
    static final String Task_SignOff = "Task_SignOff";
    static final String Task_RenderDocument = "Task_RenderDocument";
    static final String EndEvent_ReviewSignedOff = "EndEvent_ReviewSignedOff";
    /** Camunda 7 allows no none start event beside a timer start: the CISO's start and the schedules' are this message. */
    public static final String Message_ReviewRequested = "ManagementReviewRequested";

    /** The monthly security review's and the annual ISMS review's timers, a model each (one timer start per process). */
    public static final String MONTHLY_SCHEDULE_KEY = "management-review-monthly-schedule";
    public static final String ANNUAL_SCHEDULE_KEY = "management-review-annual-schedule";
    static final String StartEvent_MonthlyReviewDue = "StartEvent_MonthlyReviewDue";
    static final String StartEvent_AnnualReviewDue = "StartEvent_AnnualReviewDue";
    static final String Event_FirstWorkingDay = "Event_FirstWorkingDay";
    static final String Task_RequestReview = "Task_RequestReview";

    /** What a review of each kind is called on its task cards: "quarterly management review 12 (2026-Q3)". */
    private static final Map<String, String> KIND_TITLES = Map.of("quarterly", "quarterly management review",
            "monthly", "monthly security review", "annual", "annual ISMS review");

    private final RuntimeService runtime;
    private final HistoryService history;

    ManagementReviewProcess(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    /** For the task names of processes/management-review.bpmn: the kind in words, or the kind as given. */
    public String kindTitle(String kind) {
        return KIND_TITLES.getOrDefault(kind, kind + " review");
    }

    /** The CISO's start, under the caller's authorizations. Returns the process instance id. */
    String start(String startedBy, String kind, String periodLabel) {
        Map<String, Object> variables = new HashMap<>();
        ManagementReviewVariables.STARTED_BY.put(variables, startedBy);
        ManagementReviewVariables.REVIEW_KIND.put(variables, kind);
        ManagementReviewVariables.PERIOD_LABEL.put(variables, periodLabel);
        return runtime.createMessageCorrelation(Message_ReviewRequested).setVariables(variables).correlateStartMessage().getId();
    }

    /** A running instance asked for this kind and period whose review is not opened yet. */
    java.util.Optional<String> startedFor(String kind, String periodLabel) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(ManagementReviewVariables.REVIEW_KIND.name(), kind)
                .variableValueEquals(ManagementReviewVariables.PERIOD_LABEL.name(), periodLabel).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).findFirst();
    }

    /** Starts the review of {@code kind} for the schedule's instance {@code scheduledBy}, once. */
    String startScheduled(String kind, String scheduledBy) {
        Map<String, Object> variables = new HashMap<>();
        ManagementReviewVariables.REVIEW_KIND.put(variables, kind);
        return ScheduledStarts.startOnce(runtime, history, KEY, Message_ReviewRequested, ManagementReviewVariables.SCHEDULED_BY.name(), scheduledBy, variables);
    }
}
