package org.vigil.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Form fields that may hold patient data are named {@code phi*} (a start form's description, say). A listener
 * moves them into an encrypted table and removes them before the first commit; this filter keeps them out of
 * the history tables, which would otherwise record every value a variable ever had.
 */
@Component
class TransientFormFieldHistoryFilter extends AbstractProcessEnginePlugin {

    static final String PREFIX = "phi";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        // Other plugins (the starter's event publisher) add handlers of their own: keep them, mutable.
        var handlers = new java.util.ArrayList<HistoryEventHandler>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new Filtering(new DbHistoryEventHandler()));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static boolean isTransient(String variableName) {
        return variableName != null && variableName.startsWith(PREFIX) && variableName.length() > PREFIX.length()
                && Character.isUpperCase(variableName.charAt(PREFIX.length()));
    }

    private record Filtering(HistoryEventHandler delegate) implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            boolean transientVariable = event instanceof HistoricVariableUpdateEventEntity update && isTransient(update.getVariableName());
            // A submitted start or task form is recorded field by field as well.
            boolean transientFormField = event instanceof HistoricFormPropertyEventEntity field && isTransient(field.getPropertyId());
            if (!transientVariable && !transientFormField) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
