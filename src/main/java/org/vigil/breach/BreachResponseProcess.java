package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.PATIENT_DATA_INVOLVED;
import static org.vigil.breach.BreachResponseVariables.REPORTED_BY;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The element ids of processes/breach-response.bpmn that code and tests use, and its starter. Its variables are
 * read and written through {@link BreachResponseVariables}.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
@Component
public class BreachResponseProcess {

    public static final String KEY = "breach-response";

    public static final String Task_TriageIncident = "Task_TriageIncident";
    static final String Task_AlertCiso = "Task_AlertCiso";
    public static final String Task_ContainIncident = "Task_ContainIncident";
    public static final String Task_InvestigateIncident = "Task_InvestigateIncident";
    static final String Task_AssessRisk = "Task_AssessRisk";
    static final String Task_ApproveNotABreach = "Task_ApproveNotABreach";
    static final String Task_PlanNotifications = "Task_PlanNotifications";
    static final String Event_ObligationsSettled = "Event_ObligationsSettled";
    public static final String Task_ReviewPostIncident = "Task_ReviewPostIncident";
    public static final String Message_ObligationsSettled = "Message_ObligationsSettled";
    static final String Task_PlanProvisionally = "Task_PlanProvisionally";
    static final String Task_ConfirmPlanChange = "Task_ConfirmPlanChange";
    static final String Message_PlanChangeProposed = "Message_PlanChangeProposed";
    static final String Message_IncidentReopened = "Message_IncidentReopened";
    static final String StartEvent_IncidentReopened = "StartEvent_IncidentReopened";
    static final String Task_DropProvisionalPlan = "Task_DropProvisionalPlan";
    static final String EndEvent_IncidentClosed = "EndEvent_IncidentClosed";

    private final RuntimeService runtime;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final HistoryService history;

    BreachResponseProcess(RuntimeService runtime, org.camunda.bpm.engine.IdentityService identity,
            org.camunda.bpm.engine.TaskService tasks, HistoryService history) {
        this.runtime = runtime;
        this.identity = identity;
        this.tasks = tasks;
        this.history = history;
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
        return start(incidentId, reportedBy, false);
    }

    /** {@code exercise}: the response of a breach-response exercise, which its variable {@code exercise} says. */
    String start(long incidentId, String reportedBy, boolean exercise) {
        var variables = new java.util.HashMap<String, Object>();
        INCIDENT_ID.put(variables, incidentId);
        REPORTED_BY.put(variables, reportedBy);
        if (exercise) {
            BreachResponseVariables.EXERCISE.put(variables, true);
        }
        return runtime.startProcessInstanceByKey(KEY, businessKey(incidentId), variables).getId();
    }

    /**
     * A closed incident reopened: a new breach response for the same incident, from StartEvent_IncidentReopened to the
     * investigation (triage and containment were done), then the assessment, the plan, a new review and closure. It
     * keeps the triage's answer from the response that closed it, which the gateway after the investigation reads.
     */
    String reopen(long incidentId, String reportedBy, String closedInstanceId, Map<String, Object> formValues) {
        var variables = new java.util.HashMap<String, Object>(formValues);
        INCIDENT_ID.put(variables, incidentId);
        REPORTED_BY.put(variables, reportedBy);
        PATIENT_DATA_INVOLVED.put(variables, triageAnswer(closedInstanceId));
        return runtime.startProcessInstanceByMessage(Message_IncidentReopened, businessKey(incidentId), variables).getId();
    }

    /** Without the closed response's history (removed, or never there), the assessment is not skipped. */
    private boolean triageAnswer(String closedInstanceId) {
        if (closedInstanceId == null) {
            return true;
        }
        var answer = history.createHistoricVariableInstanceQuery().processInstanceId(closedInstanceId)
                .variableName(PATIENT_DATA_INVOLVED.name()).list();
        return answer.isEmpty() || !(answer.get(0).getValue() instanceof Boolean involved) || involved;
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

    /** The due date of the incident's open task at {@code taskKey}, if one is open (an exercise's step not yet done). */
    java.util.Optional<java.time.Instant> openTaskDue(long incidentId, String taskKey) {
        // Whoever reads the report, the engine shows Vigil the task (an auditor may not see it in Tasklist).
        return asVigil(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey(incidentId)).taskDefinitionKey(taskKey).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getDueDate).filter(java.util.Objects::nonNull).map(java.util.Date::toInstant)
                .findFirst());
    }

    /**
     * An exercise ended before its response did: the incident's breach response and its notices' processes end, their
     * history stays. {@code obligationInstances}: the notices' process instances.
     */
    void endExercise(long incidentId, java.util.Collection<String> obligationInstances, String reason) {
        var running = new java.util.ArrayList<String>(obligationInstances);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(incidentId)).list()
                .forEach(instance -> running.add(instance.getId()));
        for (String id : running) {
            if (id != null && runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, reason);
            }
        }
    }

    static String businessKey(long incidentId) {
        return "incident-" + incidentId;
    }
}
