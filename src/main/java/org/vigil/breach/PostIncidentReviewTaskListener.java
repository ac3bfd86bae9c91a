package org.vigil.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_ReviewPostIncident: lessons learned and corrective actions go, encrypted, into the incident's record. */
@Component
class PostIncidentReviewTaskListener implements TaskListener {

    private final Incidents incidents;

    PostIncidentReviewTaskListener(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        String lessons = FormText.text(task::getVariable, "phiLessonsLearned");
        if (lessons == null) {
            throw new BadUserRequestException("Field phiLessonsLearned is required");
        }
        String actions = FormText.text(task::getVariable, "phiCorrectiveActions");
        try {
            incidents.recordReview(((Number) task.getVariable(BreachResponseProcess.INCIDENT_ID)).longValue(),
                    InvestigationTaskListener.json.writeValueAsString(Map.of(
                            "lessonsLearned", lessons, "correctiveActions", actions == null ? "" : actions)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        IncidentIntakeListener.removeTransientFields(task.getExecution());
    }
}
