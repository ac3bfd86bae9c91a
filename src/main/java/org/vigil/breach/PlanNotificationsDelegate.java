package org.vigil.breach;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_PlanNotifications: the regulation capability's plan becomes obligations, each with a
 * notification process of its own. Safe to re-run: obligations are keyed by incident, recipient and jurisdiction.
 */
@Component
class PlanNotificationsDelegate implements JavaDelegate {

    private final NotificationPlanning planning;
    private final Obligations obligations;

    PlanNotificationsDelegate(NotificationPlanning planning, Obligations obligations) {
        this.planning = planning;
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = BreachResponseProcess.incidentId(execution);
        PlanResult plan = planning.planFor(incidentId);
        obligations.apply(incidentId, plan);
        execution.setVariable("notificationsRequired", plan.notificationsRequired() && !plan.duties().isEmpty());
        execution.setVariable("obligationCount", plan.duties().size());
    }
}
