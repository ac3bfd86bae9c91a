package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_DropProvisionalPlan: no patient data involved, so the duties guessed from the report go, with that reason. */
@Component
class DropProvisionalPlanDelegate implements JavaDelegate {

    private final Obligations obligations;

    DropProvisionalPlanDelegate(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        obligations.dropProvisional(INCIDENT_ID.from(execution), "the triage and investigation found no patient data involved");
    }
}
