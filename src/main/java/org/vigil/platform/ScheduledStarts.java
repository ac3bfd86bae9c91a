package org.vigil.platform;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * A process started by a schedule model's job, once: the job runs at least once, so a second run finds the instance
 * the first started (by the schedule's own instance id in {@code scheduledByVariable}) and starts no other.
 */
public final class ScheduledStarts {

    private ScheduledStarts() {}

    /** Returns the instance started for {@code scheduledBy}, starting it by {@code message} with {@code variables} if none was. */
    public static String startOnce(RuntimeService runtime, HistoryService history, String processKey, String message,
            String scheduledByVariable, String scheduledBy, Map<String, Object> variables) {
        var started = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .variableValueEquals(scheduledByVariable, scheduledBy).list();
        if (!started.isEmpty()) {
            return started.get(0).getId();
        }
        Map<String, Object> withSchedule = new HashMap<>(variables);
        withSchedule.put(scheduledByVariable, scheduledBy);
        return runtime.createMessageCorrelation(message).setVariables(withSchedule).correlateStartMessage().getId();
    }
}
