package org.vigil.breach;

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

    PlanNotificationsDelegate(NotificationPlanning planning, Obligations obligations, Incidents incidents) {
        this.planning = planning;
        this.obligations = obligations;
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = BreachResponseProcess.incidentId(execution);
        PlanResult plan = planning.planFor(incidentId);
        obligations.apply(incidentId, plan, Obligations.PlanKind.ASSESSMENT,
                new Obligations.PlanChange("the four-factor assessment", Actors.VIGIL));
        boolean required = plan.notificationsRequired() && !plan.duties().isEmpty();
        if (required) {
            incidents.moveTo(incidentId, IncidentStatus.NOTIFYING);
        }
        execution.setVariable("notificationsRequired", required);
        execution.setVariable("obligationCount", plan.duties().size());
        // A reopened incident whose notices all went out already has nothing to wait for: the model goes to the review.
        execution.setVariable("openObligations", incidents.openObligations(incidentId));
    }
}
