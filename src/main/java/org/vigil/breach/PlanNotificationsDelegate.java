package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.NOTIFICATIONS_REQUIRED;
import static org.vigil.breach.BreachResponseVariables.OBLIGATION_COUNT;
import static org.vigil.breach.BreachResponseVariables.OPEN_OBLIGATIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;

/**
 * Service task Task_PlanNotifications: the regulation capability's plan becomes obligations, each with a
 * notification process of its own; it takes over the provisional duties it finds and drops the others, saying why.
 * Safe to re-run: obligations are keyed by incident, catalog rule and jurisdiction.
 */
@Component
class PlanNotificationsDelegate implements JavaDelegate {

    private final NotificationPlanning planning;
    private final Obligations obligations;
    private final Incidents incidents;
    private final ExerciseSteps exercise;

    PlanNotificationsDelegate(NotificationPlanning planning, Obligations obligations, Incidents incidents, ExerciseSteps exercise) {
        this.exercise = exercise;
        this.planning = planning;
        this.obligations = obligations;
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = INCIDENT_ID.from(execution);
        PlanResult plan = planning.planFor(incidentId);
        obligations.apply(incidentId, plan, Obligations.PlanKind.ASSESSMENT,
                new Obligations.PlanChange("the four-factor assessment", Actors.VIGIL));
        boolean required = plan.notificationsRequired() && !plan.duties().isEmpty();
        if (required) {
            incidents.moveTo(incidentId, IncidentStatus.NOTIFYING);
        }
        exercise.reached(incidentId, BreachExercise.Step.PLAN, null);
        NOTIFICATIONS_REQUIRED.set(execution, required);
        OBLIGATION_COUNT.set(execution, plan.duties().size());
        // A reopened incident whose notices all went out already has nothing to wait for: the model goes to the review.
        OPEN_OBLIGATIONS.set(execution, incidents.openObligations(incidentId));
    }
}
