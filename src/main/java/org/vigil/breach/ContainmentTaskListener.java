package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_ContainIncident: the incident is contained at the moment IT operations record in the form's
 * {@code containedAt}, which the time to contain is measured by, after what {@code phiContainmentSummary} says was
 * done (kept encrypted with the incident, never as a variable). Without a moment, or with one in the future or before
 * the discovery, the completion is refused with 400 naming the field.
 */
@Component
class ContainmentTaskListener implements TaskListener {

    static final String CONTAINED_AT = "containedAt";
    static final String SUMMARY = "phiContainmentSummary";

    private final ResponseMilestones milestones;
    private final ExerciseSteps exercise;

    ContainmentTaskListener(ResponseMilestones milestones, ExerciseSteps exercise) {
        this.exercise = exercise;
        this.milestones = milestones;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            var containedAt = FormText.dateTime(task.getVariable(CONTAINED_AT), CONTAINED_AT);
            if (containedAt == null) {
                throw new IllegalArgumentException("Field 'Contained at' (containedAt) is required: when did containment end?");
            }
            String summary = FormText.text(task::getVariable, SUMMARY);
            if (summary != null && summary.length() > 16_000) {
                throw new IllegalArgumentException("Field 'What was done' (" + SUMMARY + ") must be at most 16000 characters");
            }
            milestones.contained(INCIDENT_ID.from(task), containedAt.toInstant(), summary == null || summary.isBlank() ? null : summary.strip());
            exercise.reached(INCIDENT_ID.from(task), BreachExercise.Step.CONTAINMENT, task.getDueDate());
            IncidentIntakeListener.removeTransientFields(task.getExecution());
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
