package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.CATEGORY;
import static org.vigil.breach.BreachResponseVariables.CLASSIFICATION;
import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;
import static org.vigil.breach.BreachResponseVariables.SEVERITY;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After Task_ClassifyIncident: the decision table's category and severity become the incident's and the process's. */
@Component
class ClassificationListener implements ExecutionListener {

    private final Incidents incidents;

    ClassificationListener(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var classification = CLASSIFICATION.from(execution);
        String category = CATEGORY.from(classification);
        String severity = SEVERITY.from(classification);
        incidents.classify(INCIDENT_ID.from(execution), category, severity);
        CATEGORY.set(execution, category);
        SEVERITY.set(execution, severity);
        CLASSIFICATION.remove(execution);
    }
}
