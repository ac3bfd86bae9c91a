package org.vigil.platform;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a task's form shows read-only beside its fields, read from a capability's records when the form is opened:
 * what the reporter wrote, whom a notice goes to and when it is due, the evidence attached so far. Such values may
 * hold patient data, which must never become a process variable; they reach the person who opened the task through
 * the form's variables ({@code GET .../task/{id}/form-variables}, which Tasklist reads) and go no further, since no
 * field of the form carries their names and the form guard refuses any other name on completion.
 *
 * <p>A capability implements it as a bean; {@link TaskFormContextFilter} asks every implementation, after the engine
 * has allowed the caller to read the task.
 */
public interface TaskFormContext {

    /** The values to show, by the name the form's text templates use ({@code {{reportTitle}}}); empty for other tasks. */
    Map<String, Object> valuesFor(FormTask task);

    /**
     * The opened task: its process and task definition keys, a reader of its variables (ids, codes) and the groups of
     * the person who opened it, so that what only some groups may read is shown to them only.
     */
    record FormTask(String processDefinitionKey, String taskDefinitionKey, Function<String, Object> variable, Set<String> viewerGroups) {}
}
