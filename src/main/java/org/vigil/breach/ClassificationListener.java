package org.vigil.breach;

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
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        var classification = (Map<String, Object>) execution.getVariable("classification");
        String category = (String) classification.get(BreachResponseProcess.CATEGORY);
        String severity = (String) classification.get(BreachResponseProcess.SEVERITY);
        incidents.classify(BreachResponseProcess.incidentId(execution), category, severity);
        execution.setVariable(BreachResponseProcess.CATEGORY, category);
        execution.setVariable(BreachResponseProcess.SEVERITY, severity);
        execution.removeVariable("classification");
    }
}
