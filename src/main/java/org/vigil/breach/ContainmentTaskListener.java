package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of Task_ContainIncident: the incident is contained at the moment IT operations record in the form's
 * {@code containedAt}, which the time to contain is measured by. Without it, or with a moment in the future or before
 * the discovery, the completion is refused with 400 naming the field.
 */
@Component
class ContainmentTaskListener implements TaskListener {

    static final String CONTAINED_AT = "containedAt";

    private final ResponseMilestones milestones;

    ContainmentTaskListener(ResponseMilestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            var containedAt = FormText.dateTime(task.getVariable(CONTAINED_AT), CONTAINED_AT);
            if (containedAt == null) {
                throw new IllegalArgumentException("Field containedAt is required: when did containment end?");
            }
            milestones.contained(INCIDENT_ID.from(task), containedAt.toInstant());
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
