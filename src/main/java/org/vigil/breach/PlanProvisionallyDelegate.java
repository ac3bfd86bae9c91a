package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.PATIENT_DATA_INVOLVED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vigil.breach.Obligations.PlanChange;
import org.vigil.breach.Obligations.PlanKind;
import org.vigil.platform.Actors;

/**
 * Service task Task_PlanProvisionally: the plan from the report's first facts, so that a 72-hour clock is chased
 * from the first hour rather than from the assessment. Does nothing once the assessment's plan exists (a job run
 * late must not undo it); safe to re-run, since obligations are keyed by rule and jurisdiction.
 */
@Component
class PlanProvisionallyDelegate implements JavaDelegate {

    private final NotificationPlanning planning;
    private final Obligations obligations;

    PlanProvisionallyDelegate(NotificationPlanning planning, Obligations obligations) {
        this.planning = planning;
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = INCIDENT_ID.from(execution);
        // Too late to guess: the assessment planned already, or the triage found no patient data.
        if (planning.assessed(incidentId) || Boolean.FALSE.equals(PATIENT_DATA_INVOLVED.from(execution))) {
            return;
        }
        obligations.apply(incidentId, planning.provisionalPlanFor(incidentId), PlanKind.PROVISIONAL,
                new PlanChange("the report", Actors.VIGIL));
    }
}
