package org.vigil.breach;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The ids and variables of processes/breach-response.bpmn that code and tests use, and its starter. */
@Component
class BreachResponseProcess {

    static final String KEY = "breach-response";
    static final String INCIDENT_ID = "incidentId";
    static final String REPORTED_BY = "reportedBy";
    static final String CATEGORY = "category";
    static final String SEVERITY = "severity";

    static final String Task_TriageIncident = "Task_TriageIncident";
    static final String Task_ContainIncident = "Task_ContainIncident";
    static final String Task_InvestigateIncident = "Task_InvestigateIncident";
    static final String Task_AssessRisk = "Task_AssessRisk";
    static final String Task_ApproveNotABreach = "Task_ApproveNotABreach";
    static final String Task_PlanNotifications = "Task_PlanNotifications";
    static final String Event_ObligationsSettled = "Event_ObligationsSettled";
    static final String Task_ReviewPostIncident = "Task_ReviewPostIncident";
    static final String Message_ObligationsSettled = "Message_ObligationsSettled";
    static final String Task_PlanProvisionally = "Task_PlanProvisionally";
    static final String Task_ConfirmPlanChange = "Task_ConfirmPlanChange";
    static final String Message_PlanChangeProposed = "Message_PlanChangeProposed";

    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final org.camunda.bpm.engine.TaskService tasks;

    BreachResponseProcess(RuntimeService runtime, org.camunda.bpm.engine.IdentityService identity,
            org.camunda.bpm.engine.TaskService tasks) {
        this.runtime = runtime;
        this.identity = identity;
        this.tasks = tasks;
    }

    /**
     * Runs a step Vigil takes on its own account once it has checked the caller (a re-plan starts and moves the
     * obligations' processes, which the privacy office may not touch in the engine directly).
     */
    <T> T asVigil(java.util.function.Supplier<T> step) {
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

    String start(long incidentId, String reportedBy) {
        return runtime.startProcessInstanceByKey(KEY, businessKey(incidentId),
                Map.of(INCIDENT_ID, incidentId, REPORTED_BY, reportedBy)).getId();
    }

    /** Lets the breach process go on to the review once every obligation is sent or settled otherwise. */
    void obligationsSettled(long incidentId) {
        runtime.createMessageCorrelation(Message_ObligationsSettled)
                .processInstanceBusinessKey(businessKey(incidentId))
                .correlateAllWithResult();
    }

    /**
     * Asks the privacy office to confirm the duties a new plan no longer finds: one open question at a time, which
     * lists every duty waiting (an open one is brought up to date with {@code variables}).
     */
    void proposePlanChange(long incidentId, Map<String, Object> variables, String completingTaskId) {
        var open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey(incidentId))
                .taskDefinitionKey(Task_ConfirmPlanChange).list().stream()
                .filter(task -> !task.getId().equals(completingTaskId)).toList();
        if (open.isEmpty()) {
            runtime.createMessageCorrelation(Message_PlanChangeProposed)
                    .processInstanceBusinessKey(businessKey(incidentId))
                    .correlateAllWithResult();
        } else {
            open.forEach(task -> tasks.setVariablesLocal(task.getId(), variables));
        }
    }

    static String businessKey(long incidentId) {
        return "incident-" + incidentId;
    }

    static long incidentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(INCIDENT_ID)).longValue();
    }
}
