package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Closed means closed on the engine's side too: no task of a breach process (a notice's follow-up left open, say)
 * is completed for a closed incident, whoever completes it and however (Tasklist, the engine REST API, the Java API).
 * Attached to every user task of the breach models when they are deployed, tasks added to them later included, and run
 * before the task's own listeners, so nothing they do is started for a closed incident. Refused with 409.
 */
@Component
class ClosedIncidentTaskListener extends AbstractProcessEnginePlugin implements TaskListener {

    private final Incidents incidents;

    ClosedIncidentTaskListener(@Lazy Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new java.util.ArrayList<BpmnParseListener>() : new java.util.ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new OnBreachTasksParseListener(this));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }

    @Override
    public void notify(DelegateTask task) {
        Long incidentId = INCIDENT_ID.from(task);
        if (incidentId != null) {
            incidents.requireOpen(incidentId);
        }
    }

    private static final class OnBreachTasksParseListener extends AbstractBpmnParseListener {

        private static final java.util.Set<String> BREACH_PROCESSES = java.util.Set.of(BreachResponseProcess.KEY, NotificationObligationProcess.KEY);

        private final TaskListener listener;

        OnBreachTasksParseListener(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition && BREACH_PROCESSES.contains(definition.getKey())) {
                // Built-in listeners run before the model's: the task's own listener never sees a closed incident.
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
            }
        }
    }
}
