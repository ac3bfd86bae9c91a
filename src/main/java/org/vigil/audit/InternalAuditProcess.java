package org.vigil.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.vigil.platform.JsonListVariables;
import org.vigil.platform.ScheduledStarts;

/**
 * processes/internal-audit.bpmn: its ids, the manual start, and the message that ends the follow-up.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class InternalAuditProcess {

    public static final String KEY = "internal-audit";
    static final String StartEvent_ComprehensiveAuditDue = "StartEvent_ComprehensiveAuditDue";
    static final String StartEvent_AuditRequested = "StartEvent_AuditRequested";
    static final String Event_FirstWorkingDayComprehensive = "Event_FirstWorkingDayComprehensive";
    static final String Task_OpenAudit = "Task_OpenAudit";
    static final String Task_PlanAudit = "Task_PlanAudit";
    static final String Task_PrepareChecklist = "Task_PrepareChecklist";
    static final String Task_Fieldwork = "Task_Fieldwork";
    static final String Task_RenderDraftReport = "Task_RenderDraftReport";
    static final String SubProcess_AuditeeResponse = "SubProcess_AuditeeResponse";
    static final String Task_RespondToDraft = "Task_RespondToDraft";
    static final String BoundaryEvent_ResponseReminderDue = "BoundaryEvent_ResponseReminderDue";
    static final String BoundaryEvent_ResponseOverdue = "BoundaryEvent_ResponseOverdue";
    static final String Task_RemindAuditee = "Task_RemindAuditee";
    static final String Task_EscalateOverdueResponse = "Task_EscalateOverdueResponse";
    static final String Task_FinalizeReport = "Task_FinalizeReport";
    static final String Task_RenderFinalReport = "Task_RenderFinalReport";
    static final String Task_RaiseActions = "Task_RaiseActions";
    static final String Task_AwaitFindingsClosed = "Task_AwaitFindingsClosed";
    static final String BoundaryEvent_FollowUpDue = "BoundaryEvent_FollowUpDue";
    static final String Task_FollowUpFindings = "Task_FollowUpFindings";
    static final String Task_CloseAudit = "Task_CloseAudit";
    static final String EndEvent_AuditClosed = "EndEvent_AuditClosed";
    /** Camunda 7 allows no none start event beside timer starts: the CISO's start is this message. */
    public static final String Message_AuditRequested = "AuditRequested";
    public static final String Message_AuditFindingsClosed = "AuditFindingsClosed";

    /**
     * processes/focused-audit-schedule.bpmn: the quarterly timer of the focused audits, in a model of its own since
     * Camunda 7 allows one timer start event per process; it starts this process through {@link #Message_AuditRequested}.
     */
    public static final String SCHEDULE_KEY = "focused-audit-schedule";
    static final String StartEvent_FocusedAuditDue = "StartEvent_FocusedAuditDue";
    static final String Event_FirstWorkingDay = "Event_FirstWorkingDay";
    static final String Task_RequestFocusedAudit = "Task_RequestFocusedAudit";
    static final String EndEvent_FocusedAuditStarted = "EndEvent_FocusedAuditStarted";

    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.HistoryService history;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final org.camunda.bpm.engine.IdentityService identity;

    InternalAuditProcess(RuntimeService runtime, org.camunda.bpm.engine.HistoryService history, org.camunda.bpm.engine.TaskService tasks,
            org.camunda.bpm.engine.IdentityService identity) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Starts an audit by hand, under the caller's authorizations. Returns the process instance id. */
    String start(String startedBy, String kind, String areas) {
        Map<String, Object> variables = new HashMap<>();
        InternalAuditVariables.STARTED_BY.put(variables, startedBy);
        InternalAuditVariables.AUDIT_KIND.put(variables, kind);
        InternalAuditVariables.AUDIT_AREAS.put(variables, areas);
        return runtime.createMessageCorrelation(Message_AuditRequested).setVariables(variables).correlateStartMessage().getId();
    }

    /**
     * Starts the programme's audit of {@code kind} for the schedule's instance {@code scheduledBy}, once: a re-run of the
     * schedule's job finds the audit it started (by the variable {@code scheduledBy}) and starts no second one.
     */
    String startScheduled(String kind, String scheduledBy) {
        Map<String, Object> variables = new HashMap<>();
        InternalAuditVariables.AUDIT_KIND.put(variables, kind);
        return ScheduledStarts.startOnce(runtime, history, KEY, Message_AuditRequested, InternalAuditVariables.SCHEDULED_BY.name(), scheduledBy, variables);
    }

    /**
     * The checklist was edited through the API while its task is open: the task's rows follow, so that completing the
     * task in Tasklist keeps the edit instead of writing back the rows it was created with.
     */
    void checklistChanged(long auditId, List<Map<String, Object>> rows) {
        // On Vigil's account: the auditor may edit the checklist, not the instance's variables in the engine.
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            for (var task : tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(Task_PrepareChecklist)
                    .processVariableValueEquals(InternalAuditVariables.AUDIT_ID.name(), auditId).list()) {
                runtime.setVariableLocal(task.getExecutionId(), InternalAuditVariables.CHECKLIST_ITEMS, JsonListVariables.jsonValue(rows));
            }
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Ends the follow-up of the audit whose findings are all closed; false when its process does not wait for that. */
    boolean findingsClosed(long auditId) {
        var waiting = runtime.createExecutionQuery().processDefinitionKey(KEY).activityId(Task_AwaitFindingsClosed)
                .processVariableValueEquals(InternalAuditVariables.AUDIT_ID.name(), auditId).list();
        if (waiting.isEmpty()) {
            return false;
        }
        runtime.createMessageCorrelation(Message_AuditFindingsClosed)
                .processInstanceVariableEquals(InternalAuditVariables.AUDIT_ID.name(), auditId).correlateAll();
        return true;
    }
}
