package org.vigil.correctiveaction;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * processes/corrective-action.bpmn: its ids, and the start. One instance per action, business key {@code CA-<id>};
 * started by Vigil only (raise), never from Tasklist. Public for the tests of other packages, which name the public
 * constants; no other module may depend on this one.
 */
@Component
public class CorrectiveActionProcess {

    public static final String KEY = "corrective-action";
    public static final String StartEvent_ActionRaised = "StartEvent_ActionRaised";
    public static final String Task_ImmediateCorrection = "Task_ImmediateCorrection";
    public static final String SubProcess_CorrectiveAction = "SubProcess_CorrectiveAction";
    public static final String Task_AnalyseRootCause = "Task_AnalyseRootCause";
    public static final String Task_PlanAction = "Task_PlanAction";
    public static final String Task_ImplementAction = "Task_ImplementAction";
    public static final String BoundaryEvent_ActionDueSoon = "BoundaryEvent_ActionDueSoon";
    public static final String BoundaryEvent_ActionOverdue = "BoundaryEvent_ActionOverdue";
    public static final String Task_RemindOwner = "Task_RemindOwner";
    public static final String Task_EscalateOverdueAction = "Task_EscalateOverdueAction";
    public static final String Timer_EffectivenessCheckDue = "Timer_EffectivenessCheckDue";
    public static final String Task_CheckEffectiveness = "Task_CheckEffectiveness";
    public static final String Gateway_IsEffective = "Gateway_IsEffective";
    public static final String Task_CloseAction = "Task_CloseAction";
    public static final String Task_ReopenAction = "Task_ReopenAction";
    public static final String EndEvent_ActionClosed = "EndEvent_ActionClosed";
    public static final String EndEvent_OwnerReminded = "EndEvent_OwnerReminded";
    public static final String EndEvent_OverdueEscalated = "EndEvent_OverdueEscalated";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;

    CorrectiveActionProcess(RuntimeService runtime, ManagementService management, IdentityService identity) {
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
    }

    public static String businessKey(long actionId) {
        return "CA-" + actionId;
    }

    /** Starts the action's process on Vigil's account: no user holds the right to start it in the engine. */
    String start(long actionId, String severity, String ownerGroup, String checkerGroup, Instant dueAt, Instant remindAt) {
        return asVigil(() -> {
            var variables = new HashMap<String, Object>();
            CorrectiveActionVariables.ACTION_ID.put(variables, actionId);
            CorrectiveActionVariables.SEVERITY.put(variables, severity);
            CorrectiveActionVariables.OWNER_GROUP.put(variables, ownerGroup);
            CorrectiveActionVariables.CHECKER_GROUP.put(variables, checkerGroup);
            CorrectiveActionVariables.DUE_AT.put(variables, Date.from(dueAt));
            CorrectiveActionVariables.REMIND_AT.put(variables, Date.from(remindAt));
            CorrectiveActionVariables.REOPEN_COUNT.put(variables, 0);
            return runtime.startProcessInstanceByKey(KEY, businessKey(actionId), variables).getId();
        });
    }

    /**
     * The plan set another due date: the reminder and the overdue timers of the running action move with it (a timer
     * already fired stays fired).
     */
    void moveDueTimers(String processInstanceId, Instant dueAt, Instant remindAt) {
        asVigil(() -> {
            management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(BoundaryEvent_ActionDueSoon).list()
                    .forEach(job -> management.setJobDuedate(job.getId(), Date.from(remindAt)));
            management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(BoundaryEvent_ActionOverdue).list()
                    .forEach(job -> management.setJobDuedate(job.getId(), Date.from(dueAt)));
            return null;
        });
    }

    private <T> T asVigil(Supplier<T> step) {
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return step.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
