package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_ReviewPostIncident: lessons learned and corrective actions go, encrypted, into the incident's record. */
@Component
class PostIncidentReviewTaskListener implements TaskListener {

    private final Incidents incidents;
    private final ObjectMapper json;

    PostIncidentReviewTaskListener(Incidents incidents, ObjectMapper json) {
        this.incidents = incidents;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        requireOtherTasksDone(task);
        String lessons = FormText.text(task::getVariable, "phiLessonsLearned");
        if (lessons == null) {
            throw new BadUserRequestException("Field phiLessonsLearned is required");
        }
        String actions = FormText.text(task::getVariable, "phiCorrectiveActions");
        try {
            incidents.recordReview(INCIDENT_ID.from(task),
                    json.writeValueAsString(Map.of(
                            "lessonsLearned", lessons, "correctiveActions", actions == null ? "" : actions)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        IncidentIntakeListener.removeTransientFields(task.getExecution());
    }

    /**
     * The review closes the incident, and a closed incident's tasks can no longer be completed: so its other open tasks
     * (a missed deadline's follow-up, a change of plan to confirm) are done first. They belong in the lessons learned.
     */
    private static void requireOtherTasksDone(DelegateTask task) {
        var open = task.getProcessEngineServices().getTaskService().createTaskQuery()
                .processVariableValueEquals(INCIDENT_ID.name(), INCIDENT_ID.from(task))
                .list().stream().filter(other -> !other.getId().equals(task.getId())).map(other -> "\"" + other.getName() + "\"")
                .distinct().toList();
        if (!open.isEmpty()) {
            throw new BadUserRequestException("Finish this incident's open tasks first: " + String.join(", ", open)
                    + ". The review closes the incident, and a closed incident's tasks can no longer be completed");
        }
    }
}
